package io.quorate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Authorities of 40 keys in which keys repeat: exact, and fast. */
class FortyKeysTest {

    static final int N = 40;

    static List<KeyRef> keys() {
        List<KeyRef> keys = new ArrayList<>();
        for (int i = 0; i < N; i++) keys.add(new KeyRef("k" + i, new KeyId("generic:k" + i)));
        return keys;
    }

    static Formula threshold(long t, int from, int to, long[] weights) {
        List<Formula.Part> parts = new ArrayList<>();
        for (int i = from; i < to; i++) parts.add(new Formula.Part(new Formula.Key(i), weights == null ? 1 : weights[i]));
        return new Formula.Threshold(t, parts);
    }

    static Figures timed(String name, Formula f) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        Figures figures = Resilience.of(f, keys(), id -> "own:" + id);
        double ms = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
        System.out.printf("%s: %s in %.1f ms of CPU%n", name, figures, ms);
        // a budget-bound search costs well under this even on a slow machine
        assertTrue(ms < 20_000, name + " took " + ms + " ms");
        return figures;
    }

    @Test
    void equal_weights_with_a_nested_account_over_the_same_keys() {
        // 21 of 40 directly, or a partner (weight 5) needing 10 of the first 20 of the same keys
        List<Formula.Part> parts = new ArrayList<>(((Formula.Threshold) threshold(25, 0, N, null)).parts());
        parts.add(new Formula.Part(threshold(10, 0, 20, null), 5));
        Formula active = new Formula.Threshold(25, parts);
        Formula owner = threshold(30, 0, N, null);
        Figures a = timed("active", active);
        assertEquals(new Figures(20, 15, 20, true), a);
        Figures funds = timed("active or owner", new Formula.Any(List.of(active, owner)));
        assertEquals(new Figures(20, 15, 20, true), funds);
    }

    @Test
    void distinct_weights_with_repeated_keys() {
        Random r = new Random(40);
        long[] w1 = new long[N];
        long[] w2 = new long[N];
        long total = 0;
        for (int i = 0; i < N; i++) {
            w1[i] = 1 + r.nextInt(40);
            w2[i] = 1 + r.nextInt(40);
            total += w1[i];
        }
        List<Formula.Part> parts = new ArrayList<>(((Formula.Threshold) threshold(total / 2, 0, N, w1)).parts());
        parts.add(new Formula.Part(threshold(200, 10, 30, w2), 100));
        Formula active = new Formula.Threshold(total / 2, parts);
        Figures a = timed("distinct weights", active);
        assertTrue(a.exact());
        Figures both = timed("distinct weights, two thresholds over the same keys",
                new Formula.Any(List.of(active, threshold(total / 3, 0, N, w2))));
        assertTrue(both.exact());
        assertTrue(both.minSigners() > 0);
    }

    @Test
    void a_spent_budget_gives_bounds_around_the_answer() {
        Random r = new Random(7);
        long[] w1 = new long[N];
        long[] w2 = new long[N];
        for (int i = 0; i < N; i++) {
            w1[i] = 1 + r.nextInt(40);
            w2[i] = 1 + r.nextInt(40);
        }
        Tree both = Tree.of(new Formula.Threshold(2, List.of(new Formula.Part(threshold(300, 0, N, w1), 1),
                new Formula.Part(threshold(300, 0, N, w2), 1))), i -> i);
        FewestKeys.Bounds exact = FewestKeys.of(both);
        assertTrue(exact.exact());
        FewestKeys.Bounds cut = new FewestKeys(3).bounds(both);
        assertTrue(cut.low() <= exact.low() && exact.low() <= cut.high(), cut + " around " + exact);
    }
}
