package io.quorate.chain.generic;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.compile.Program;
import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.Budget;
import io.quorate.rules.Signatures;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generic weighted thresholds over one action: an authority is satisfied inside its validity
 * window when the weights of the keys that signed and of the referenced authorities that are
 * satisfied reach its threshold (every entry counts); otherwise its parent may act for it. An
 * authority being evaluated (a cycle), a missing reference and one deeper than the account's
 * {@code max_depth} add 0; keys of an authority that fails are not used. The required authority
 * and its ancestors are judged by their rules; references are evaluated inside that judgement.
 */
public final class GenericEvaluator {

    private final CompiledPolicy policy;
    private final Signatures signatures;
    private final Instant now;
    private final int maxDepth;
    private final Predicate<AuthorityCheck> rules;
    private final Budget budget;
    private final Set<Integer> stack = new HashSet<>();
    /** Nested results by (authority, depth), with the signatures each marked used; only results no cycle cut. */
    private final Map<Long, Memo> memo = new HashMap<>();
    private int cycleCuts;
    /** The signatures marked so far, in order; a failed evaluation's marks are dropped with its rollback. */
    private int[] markLog = new int[16];
    private int marks;
    private long requiredTally;
    private long satisfyingTally;

    private record Memo(Program satisfiedBy, int[] marked) {
    }

    /** @param rules judges a check with the policy's rules */
    public GenericEvaluator(CompiledPolicy policy, Signatures signatures, Instant now, int maxDepth,
                            Predicate<AuthorityCheck> rules, Budget budget) {
        this.policy = policy;
        this.signatures = signatures;
        this.now = now;
        this.maxDepth = maxDepth;
        this.rules = rules;
        this.budget = budget;
    }

    Instant now() {
        return now;
    }

    /** The tally of the required authority. */
    public long requiredTally() {
        return requiredTally;
    }

    /** The tally of the authority that satisfied the required one. */
    public long satisfyingTally() {
        return satisfyingTally;
    }

    /** The authority that satisfies {@code required}: itself or its nearest satisfied ancestor; null when none. */
    public Program satisfy(Program required) {
        return satisfied(required, 1);
    }

    private Program satisfied(Program p, int depth) {
        boolean root = depth == 1 && stack.isEmpty();
        boolean topLevel = depth == 1;
        stack.add(p.id());
        try {
            boolean[] saved = signatures.snapshot();
            int savedMarks = marks;
            boolean ok;
            long own;
            if (topLevel) {
                GenericAuthorityCheck check = new GenericAuthorityCheck(p.id(), this, depth);
                ok = rules.test(check);
                own = check.tally();
            } else if (p.valid() == null || p.valid().contains(now)) {
                own = tally(p.entries(), depth);
                ok = own >= p.threshold();
            } else {
                own = 0;
                ok = false;
            }
            if (root) requiredTally = own;
            if (ok) {
                if (topLevel) satisfyingTally = own;
                return p;
            }
            signatures.restore(saved);
            marks = savedMarks;
            if (p.parent() >= 0) {
                if (!stack.contains(p.parent())) return satisfied(policy.program(p.parent()), depth);
                cycleCuts++;
            }
            return null;
        } finally {
            stack.remove(p.id());
        }
    }

    /**
     * A referenced authority, evaluated once per depth: an evaluation that cut no cycle depends
     * only on the authority and the depth, so its answer and the signatures it marked are
     * remembered (diamonds of references stay polynomial). Each evaluation spends the budget.
     */
    private Program nested(Program p, int depth) {
        long key = (long) p.id() << 32 | depth;
        Memo known = memo.get(key);
        if (known != null) {
            for (int slot : known.marked()) mark(slot);
            return known.satisfiedBy();
        }
        budget.spend();
        int firstMark = marks;
        int cuts = cycleCuts;
        Program by = satisfied(p, depth);
        if (cuts == cycleCuts) memo.put(key, new Memo(by, distinct(markLog, firstMark, marks)));
        return by;
    }

    /** The distinct slots of {@code log[from, to)}: a remembered evaluation replays each once, so logs stay small. */
    private static int[] distinct(int[] log, int from, int to) {
        return Arrays.stream(log, from, to).distinct().toArray();
    }

    /** Marks a signature used and logs it, so a remembered evaluation can mark the same signatures again. */
    private void mark(int slot) {
        signatures.use(slot);
        if (marks == markLog.length) markLog = Arrays.copyOf(markLog, marks * 2);
        markLog[marks++] = slot;
    }

    /** Every present key and every satisfied reference, marking the keys used. */
    long tally(Entry[] entries, int depth) {
        long total = 0;
        for (Entry e : entries) {
            if (e.isKey()) {
                int slot = signatures.slot(e.ref());
                if (slot >= 0) {
                    mark(slot);
                    total += e.weight();
                }
            } else {
                int ref = (int) e.ref();
                if (ref >= 0 && depth < maxDepth) {
                    if (stack.contains(ref)) {
                        cycleCuts++;
                    } else if (nested(policy.program(ref), depth + 1) != null) {
                        total += e.weight();
                    }
                }
            }
        }
        return total;
    }
}
