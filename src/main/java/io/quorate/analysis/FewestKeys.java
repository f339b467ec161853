package io.quorate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest variables that satisfy a monotone {@link Tree}, exactly when the budget allows.
 *
 * <p>When no variable occurs twice, the answer is compositional: a variable costs 1, {@code Any}
 * costs its cheapest child, and a threshold is a min-cost knapsack over its children (cost = the
 * child's answer, weight = its weight), computed over cost rather than weight because costs are at
 * most the number of variables while thresholds reach 2^32. {@code Any} is cheapest-child even
 * when children share variables. Otherwise a branch and bound splits on one class of
 * interchangeable repeated variables at a time (variables whose occurrences sit in the same nodes
 * with the same weights, so only how many of them are present matters: a class of s variables
 * costs s + 1 branches, not 2^s), re-normalising after each split, so that branches quickly become
 * read-once and fall back to the knapsack. Each node is bounded below by the knapsack with every
 * occurrence of a repeated variable costing 1/(its occurrences) (a relaxation: a real solution
 * pays 1 per variable) and by the threshold's "max of the children it needs" bound, and above by
 * the knapsack with every occurrence costing 1 (a real solution). Search nodes are counted; when
 * {@link #BUDGET} is spent the remaining nodes answer with their bounds.
 */
final class FewestKeys {

    /** Search nodes per figure before the remaining nodes answer with their bounds. */
    static final int BUDGET = 20_000;
    static final long INF = Long.MAX_VALUE / 4;
    /** Fixed-point unit for the fractional lower bound: exact for keys met 1 to 4 times, rounded down beyond. */
    private static final long UNIT = 12;

    /** A proven lower bound and a witnessed upper bound; equal when exact. */
    record Bounds(long low, long high) {
        boolean exact() {
            return low == high;
        }
    }

    private final int budget;
    private int nodes;

    FewestKeys(int budget) {
        this.budget = budget;
    }

    Bounds bounds(Tree tree) {
        return solve(tree, INF);
    }

    int nodes() {
        return nodes;
    }

    static Bounds of(Tree tree) {
        return new FewestKeys(BUDGET).solve(tree, INF);
    }

    private Bounds solve(Tree t, long cutoff) {
        nodes++;
        switch (t.kind) {
            case ALWAYS:
                return new Bounds(0, 0);
            case NEVER:
                return new Bounds(INF, INF);
            case VAR:
                return new Bounds(1, 1);
            case ANY: {
                long low = INF;
                long high = INF;
                for (Tree k : t.kids) {
                    Bounds b = solve(k, Math.min(cutoff, high));
                    low = Math.min(low, b.low());
                    high = Math.min(high, b.high());
                }
                return new Bounds(Math.min(low, high), high);
            }
            default:
                break;
        }
        int n = t.maxVar() + 1;
        int[] occ = new int[n];
        t.count(occ);
        long high = cost(t, unitCosts(occ));
        boolean readOnce = true;
        for (int c : occ) readOnce &= c <= 1;
        if (readOnce) return new Bounds(high, high);
        long low = lowerBound(t, occ, Math.min(cutoff, high));
        if (low >= high) return new Bounds(high, high);
        if (low >= cutoff || nodes > budget) return new Bounds(low, high);

        int[] group = interchangeable(t, occ);
        long branchLow = INF;
        byte[] state = new byte[n];
        for (int k = 0; k <= group.length; k++) {
            for (int i = 0; i < group.length; i++) state[group[i]] = (byte) (i < k ? 1 : 2);
            Tree sub = t.assign(state);
            // A cutoff below zero prunes like zero: costs are never negative, and knapsack sizes must not be.
            Bounds b = solve(sub, Math.max(0, Math.min(cutoff, high) - k));
            branchLow = Math.min(branchLow, add(k, b.low()));
            high = Math.min(high, add(k, b.high()));
        }
        return new Bounds(Math.min(Math.max(branchLow, low), high), high);
    }

    private static long add(long a, long b) {
        return a >= INF || b >= INF ? INF : a + b;
    }

    private static long[] unitCosts(int[] occ) {
        long[] c = new long[occ.length];
        Arrays.fill(c, 1);
        return c;
    }

    /** The fractional relaxation, and for a threshold the cheapest "every child it needs costs at least its own bound". */
    private static long lowerBound(Tree t, int[] occ, long cap) {
        long low = fractional(t, occ, cap);
        if (t.kind == Tree.Kind.THRESHOLD) {
            long[] kidLow = new long[t.kids.length];
            for (int i = 0; i < t.kids.length; i++) {
                Tree k = t.kids[i];
                int[] o = new int[occ.length];
                k.count(o);
                kidLow[i] = fractional(k, o, cap);
            }
            Integer[] order = new Integer[kidLow.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Long.compare(kidLow[a], kidLow[b]));
            long tally = 0;
            for (int i : order) {
                if (kidLow[i] >= INF) break;
                tally += t.weights[i];
                if (tally >= t.threshold) {
                    low = Math.max(low, kidLow[i]);
                    break;
                }
            }
        }
        return low;
    }

    /**
     * Knapsack with each occurrence of a variable costing 1/(its occurrences), rounded up to a
     * whole key; {@code cap} when that is more than {@code cap} (still a lower bound, and all the
     * search needs to prune).
     */
    private static long fractional(Tree t, int[] occ, long cap) {
        if (cap <= 0) return 0;
        long[] c = new long[occ.length];
        for (int v = 0; v < occ.length; v++) c[v] = occ[v] == 0 ? UNIT : UNIT / occ[v];
        long limit = cap >= INF / UNIT ? INF : cap * UNIT;
        long scaled = cost(t, c, limit);
        return scaled > limit ? cap : (scaled + UNIT - 1) / UNIT;
    }

    /**
     * The cheapest way to satisfy {@code t} when every occurrence is a separate item costing
     * {@code varCost[v]}: exact for a read-once tree with unit costs, an upper bound with unit
     * costs otherwise, a lower bound with fractional costs.
     */
    static long cost(Tree t, long[] varCost) {
        return cost(t, varCost, INF);
    }

    /** As {@link #cost(Tree, long[])}, but any cost above {@code limit} is INF. */
    static long cost(Tree t, long[] varCost, long limit) {
        switch (t.kind) {
            case ALWAYS:
                return 0;
            case NEVER:
                return INF;
            case VAR:
                return varCost[t.var] > limit ? INF : varCost[t.var];
            case ANY: {
                long best = INF;
                for (Tree k : t.kids) best = Math.min(best, cost(k, varCost, limit));
                return best;
            }
            default:
                break;
        }
        int m = t.kids.length;
        long need = t.threshold;
        long[] c = new long[m];
        long sum = 0;
        for (int i = 0; i < m; i++) {
            c[i] = cost(t.kids[i], varCost, limit);
            if (c[i] == 0) need -= t.weights[i];
            else if (c[i] < INF) sum += c[i];
        }
        if (need <= 0) return 0;
        sum = Math.min(sum, limit);
        if (sum > Integer.MAX_VALUE - 8) return greedyCover(t, c, need);
        // best[x] = the most weight (capped at need) reachable with total cost at most x
        long[] best = new long[(int) sum + 1];
        for (int i = 0; i < m; i++) {
            if (c[i] == 0 || c[i] >= INF) continue;
            if (c[i] > sum) continue;
            int ci = (int) c[i];
            long w = t.weights[i];
            for (int x = (int) sum; x >= ci; x--) {
                long v = Math.min(need, best[x - ci] + w);
                if (v > best[x]) best[x] = v;
            }
        }
        for (int x = 0; x <= sum; x++) {
            if (best[x] >= need) return x;
        }
        return INF;
    }

    /** Only for absurd cost sums: takes children cheapest first, a valid upper bound. */
    private static long greedyCover(Tree t, long[] c, long need) {
        Integer[] order = new Integer[c.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(c[a], c[b]));
        long tally = 0;
        long total = 0;
        for (int i : order) {
            if (c[i] == 0 || c[i] >= INF) continue;
            tally += t.weights[i];
            total += c[i];
            if (tally >= need) return total;
        }
        return INF;
    }

    /**
     * The repeated variables interchangeable with the most frequent one: same multiset of
     * (node, weight) occurrences, so swapping any two leaves the tree unchanged.
     */
    private static int[] interchangeable(Tree t, int[] occ) {
        Map<Integer, List<String>> signature = new HashMap<>();
        sign(t, new int[] {0}, -1, -1, signature);
        int pivot = -1;
        for (int v = 0; v < occ.length; v++) {
            if (occ[v] >= 2 && (pivot < 0 || occ[v] > occ[pivot])) pivot = v;
        }
        List<String> key = signature.get(pivot);
        key.sort(null);
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < occ.length; v++) {
            if (occ[v] != occ[pivot]) continue;
            List<String> s = signature.get(v);
            s.sort(null);
            if (s.equals(key)) out.add(v);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void sign(Tree t, int[] nextId, int parent, long weight, Map<Integer, List<String>> signature) {
        int id = nextId[0]++;
        if (t.kind == Tree.Kind.VAR) {
            signature.computeIfAbsent(t.var, v -> new ArrayList<>()).add(parent + ":" + weight);
            return;
        }
        for (int i = 0; i < t.kids.length; i++) {
            sign(t.kids[i], nextId, id, t.kind == Tree.Kind.THRESHOLD ? t.weights[i] : 0, signature);
        }
    }
}
