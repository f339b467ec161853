package io.quorate.engine;

import io.quorate.compile.Check;
import java.util.function.LongPredicate;

/**
 * The check every chain puts to the rules: {@code reaches} is the chain's own test of the target
 * authority against the threshold its rule holds (a tally compared with it, or an evaluation that
 * knows the threshold already, as EOS's checker and Hive's sign_state do).
 */
final class RuleCheck extends Check {

    private final LongPredicate reaches;

    RuleCheck(int target, LongPredicate reaches) {
        super(target);
        this.reaches = reaches;
    }

    @Override
    public boolean reaches(long threshold) {
        return reaches.test(threshold);
    }
}
