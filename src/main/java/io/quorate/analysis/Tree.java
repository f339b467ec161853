package io.quorate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A formula in the normal form the figures are computed on: constants folded, parts of weight 0
 * dropped, weights capped at the threshold, nested {@code Any} flattened, a threshold every part
 * of which suffices alone turned into {@code Any}. Variables are small integers.
 */
final class Tree {

    enum Kind { ALWAYS, NEVER, VAR, THRESHOLD, ANY }

    static final Tree ALWAYS = new Tree(Kind.ALWAYS, -1, 0, new Tree[0], new long[0]);
    static final Tree NEVER = new Tree(Kind.NEVER, -1, 0, new Tree[0], new long[0]);

    final Kind kind;
    final int var;
    final long threshold;
    final Tree[] kids;
    /** Weights of the kids of a threshold (each in 1..threshold). */
    final long[] weights;

    private Tree(Kind kind, int var, long threshold, Tree[] kids, long[] weights) {
        this.kind = kind;
        this.var = var;
        this.threshold = threshold;
        this.kids = kids;
        this.weights = weights;
    }

    static Tree var(int v) {
        return new Tree(Kind.VAR, v, 0, new Tree[0], new long[0]);
    }

    static Tree any(List<Tree> kids) {
        List<Tree> out = new ArrayList<>();
        for (Tree k : kids) {
            if (k.kind == Kind.ALWAYS) return ALWAYS;
            if (k.kind == Kind.NEVER) continue;
            if (k.kind == Kind.ANY) out.addAll(List.of(k.kids));
            else out.add(k);
        }
        if (out.isEmpty()) return NEVER;
        if (out.size() == 1) return out.get(0);
        return new Tree(Kind.ANY, -1, 0, out.toArray(new Tree[0]), new long[0]);
    }

    static Tree threshold(long threshold, List<Tree> kids, List<Long> weights) {
        long need = threshold;
        for (int i = 0; i < kids.size(); i++) {
            if (weights.get(i) > 0 && kids.get(i).kind == Kind.ALWAYS) need -= weights.get(i);
        }
        if (need <= 0) return ALWAYS;
        List<Tree> ks = new ArrayList<>();
        List<Long> ws = new ArrayList<>();
        long total = 0;
        boolean allSuffice = true;
        for (int i = 0; i < kids.size(); i++) {
            Tree k = kids.get(i);
            long w = weights.get(i);
            if (w <= 0 || k.kind == Kind.ALWAYS || k.kind == Kind.NEVER) continue;
            w = Math.min(w, need);
            ks.add(k);
            ws.add(w);
            total = Math.min(Long.MAX_VALUE / 2, total + w);
            allSuffice &= w == need;
        }
        if (total < need) return NEVER;
        if (allSuffice) return any(ks);
        long[] w = new long[ws.size()];
        for (int i = 0; i < w.length; i++) w[i] = ws.get(i);
        return new Tree(Kind.THRESHOLD, -1, need, ks.toArray(new Tree[0]), w);
    }

    /** The normal form of {@code f}, its keys renamed by {@code var} (so several keys may share a variable). */
    static Tree of(Formula f, IntUnaryOperator var) {
        if (f instanceof Formula.Key k) return var(var.applyAsInt(k.key()));
        if (f instanceof Formula.Always) return ALWAYS;
        if (f instanceof Formula.Never) return NEVER;
        if (f instanceof Formula.Any a) return any(a.formulas().stream().map(x -> of(x, var)).toList());
        Formula.Threshold t = (Formula.Threshold) f;
        return threshold(t.threshold(), t.parts().stream().map(p -> of(p.formula(), var)).toList(),
                t.parts().stream().map(Formula.Part::weight).toList());
    }

    /**
     * The dual: true on a set L exactly when this tree is false on the complement of L, so the
     * fewest keys whose loss locks a formula are the fewest keys satisfying its dual.
     */
    Tree dual() {
        return switch (kind) {
            case ALWAYS -> NEVER;
            case NEVER -> ALWAYS;
            case VAR -> this;
            case ANY -> {
                List<Tree> ks = new ArrayList<>();
                List<Long> ws = new ArrayList<>();
                for (Tree k : kids) {
                    ks.add(k.dual());
                    ws.add(1L);
                }
                yield threshold(kids.length, ks, ws);
            }
            case THRESHOLD -> {
                long total = 0;
                List<Tree> ks = new ArrayList<>();
                List<Long> ws = new ArrayList<>();
                for (int i = 0; i < kids.length; i++) {
                    total = Math.min(Long.MAX_VALUE / 2, total + weights[i]);
                    ks.add(kids[i].dual());
                    ws.add(weights[i]);
                }
                yield threshold(total - threshold + 1, ks, ws);
            }
        };
    }

    /** This tree with {@code state[v]} 1 (present: true) or 2 (absent: false) substituted, renormalised. */
    Tree assign(byte[] state) {
        return switch (kind) {
            case ALWAYS, NEVER -> this;
            case VAR -> state[var] == 1 ? ALWAYS : state[var] == 2 ? NEVER : this;
            case ANY -> {
                List<Tree> ks = new ArrayList<>(kids.length);
                for (Tree k : kids) ks.add(k.assign(state));
                yield any(ks);
            }
            case THRESHOLD -> {
                List<Tree> ks = new ArrayList<>(kids.length);
                List<Long> ws = new ArrayList<>(kids.length);
                for (int i = 0; i < kids.length; i++) {
                    ks.add(kids[i].assign(state));
                    ws.add(weights[i]);
                }
                yield threshold(threshold, ks, ws);
            }
        };
    }

    boolean holds(java.util.function.IntPredicate present) {
        return switch (kind) {
            case ALWAYS -> true;
            case NEVER -> false;
            case VAR -> present.test(var);
            case ANY -> {
                for (Tree k : kids) if (k.holds(present)) yield true;
                yield false;
            }
            case THRESHOLD -> {
                long tally = 0;
                for (int i = 0; i < kids.length; i++) {
                    if (kids[i].holds(present) && (tally += weights[i]) >= threshold) yield true;
                }
                yield false;
            }
        };
    }

    /** Adds the number of occurrences of each variable to {@code counts}. */
    void count(int[] counts) {
        if (kind == Kind.VAR) counts[var]++;
        for (Tree k : kids) k.count(counts);
    }

    int maxVar() {
        int m = kind == Kind.VAR ? var : -1;
        for (Tree k : kids) m = Math.max(m, k.maxVar());
        return m;
    }
}
