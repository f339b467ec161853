package io.quorate.chain.generic;

import io.quorate.compile.Entry;
import io.quorate.rules.AuthorityCheck;
import java.time.Instant;

/** A generic authority judged at the top of an action: its rule states its window, threshold and entries. */
public final class GenericAuthorityCheck extends AuthorityCheck {

    private final GenericEvaluator evaluator;
    private final int depth;
    private long tally;

    GenericAuthorityCheck(int target, GenericEvaluator evaluator, int depth) {
        super(target);
        this.evaluator = evaluator;
        this.depth = depth;
    }

    long tally() {
        return tally;
    }

    /** An instant as rendered rules write it. */
    public static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** The decision's time lies in {@code [from, until)}; a null end is open. */
    public boolean validAt(Instant from, Instant until) {
        Instant now = evaluator.now();
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    public boolean tally(long threshold, Entry... entries) {
        tally = evaluator.tally(entries, depth);
        return tally >= threshold;
    }
}
