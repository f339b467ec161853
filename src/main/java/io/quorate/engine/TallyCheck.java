package io.quorate.engine;

import io.quorate.compile.Check;
import java.util.function.LongSupplier;

/** A check whose tally needs no state of its own (Casper weights, FT4 signers): the rule compares it with its threshold. */
final class TallyCheck extends Check {

    private final LongSupplier tally;

    TallyCheck(int target, LongSupplier tally) {
        super(target);
        this.tally = tally;
    }

    @Override
    public boolean reaches(long threshold) {
        return tally.getAsLong() >= threshold;
    }
}
