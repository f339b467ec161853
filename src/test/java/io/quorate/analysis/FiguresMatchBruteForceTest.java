package io.quorate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** The figures equal a brute-force enumeration of every subset of keys (and of holders). */
class FiguresMatchBruteForceTest {

    static final int KEYS = 12;

    @Property(tries = 1500)
    void figures_equal_brute_force(@ForAll("formulas") Formula formula, @ForAll("holders") List<Integer> holderOf) {
        List<KeyRef> keys = new ArrayList<>();
        Map<KeyId, String> holders = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            KeyId id = new KeyId("generic:k" + i);
            keys.add(new KeyRef("k" + i, id));
            holders.put(id, holderOf.get(i) < 0 ? "own-" + i : "h" + holderOf.get(i));
        }
        Figures f = Resilience.of(formula, keys, holders::get);
        int all = (1 << KEYS) - 1;
        int minSigners = -1;
        int kill = -1;
        for (int s = 0; s <= all; s++) {
            int size = Integer.bitCount(s);
            int set = s;
            if (formula.holds(k -> (set >> k & 1) == 1) && (minSigners < 0 || size < minSigners)) minSigners = size;
            if (!formula.holds(k -> (set >> k & 1) == 0) && (kill < 0 || size < kill)) kill = size;
        }
        int expectedLoss = minSigners < 0 ? -1 : kill < 0 ? KEYS : kill - 1;
        List<String> holderNames = new ArrayList<>(new java.util.LinkedHashSet<>(holders.values()));
        int minHolders = -1;
        for (int h = 0; h < 1 << holderNames.size(); h++) {
            int chosen = h;
            boolean ok = formula.holds(k -> (chosen >> holderNames.indexOf(holders.get(keys.get(k).id())) & 1) == 1);
            if (ok && (minHolders < 0 || Integer.bitCount(h) < minHolders)) minHolders = Integer.bitCount(h);
        }
        int[] seen = new int[KEYS];
        count(formula, seen);
        boolean repeated = java.util.Arrays.stream(seen).anyMatch(c -> c > 1);
        Statistics.label("repeated keys").collect(repeated);
        Statistics.label("satisfiable").collect(minSigners >= 0);
        Statistics.label("repeated keys").coverage(c -> c.check(true).percentage(p -> p >= 30));
        assertTrue(f.exact(), "exact");
        assertEquals(minSigners, f.minSigners(), "min signers of " + formula);
        assertEquals(expectedLoss, f.maxKeyLoss(), "max key loss of " + formula);
        assertEquals(minHolders, f.minHolders(), "min holders of " + formula);
    }

    private static void count(Formula f, int[] seen) {
        if (f instanceof Formula.Key k) seen[k.key()]++;
        if (f instanceof Formula.Any a) a.formulas().forEach(x -> count(x, seen));
        if (f instanceof Formula.Threshold t) t.parts().forEach(p -> count(p.formula(), seen));
    }

    @Provide
    Arbitrary<List<Integer>> holders() {
        return Arbitraries.integers().between(-1, 3).list().ofSize(KEYS);
    }

    @Provide
    Arbitrary<Formula> formulas() {
        Arbitrary<Formula> child = formula(2);
        Arbitrary<Formula.Part> part = Combinators.combine(child, Arbitraries.longs().between(0, 5)).as(Formula.Part::new);
        Arbitrary<Formula> threshold = Combinators.combine(Arbitraries.longs().between(0, 12), part.list().ofMinSize(2).ofMaxSize(6))
                .as(Formula.Threshold::new);
        Arbitrary<Formula> any = child.list().ofMinSize(2).ofMaxSize(4).map(Formula.Any::new);
        return Arbitraries.frequencyOf(Tuple.of(3, threshold), Tuple.of(1, any), Tuple.of(1, formula(3)));
    }

    private Arbitrary<Formula> formula(int depth) {
        // a few keys are drawn often so that keys repeat across the tree
        Arbitrary<Formula> key = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 4)),
                Tuple.of(2, Arbitraries.integers().between(0, KEYS - 1))).map(Formula.Key::new);
        Arbitrary<Formula> constant = Arbitraries.of(new Formula.Never(), new Formula.Always());
        if (depth == 0) return Arbitraries.frequencyOf(Tuple.of(12, key), Tuple.of(1, constant));
        Arbitrary<Formula> child = formula(depth - 1);
        Arbitrary<Formula.Part> part = Combinators.combine(child, Arbitraries.longs().between(0, 5)).as(Formula.Part::new);
        Arbitrary<Formula> threshold = Combinators.combine(Arbitraries.longs().between(0, 12), part.list().ofMinSize(1).ofMaxSize(6))
                .as(Formula.Threshold::new);
        Arbitrary<Formula> any = child.list().ofMinSize(1).ofMaxSize(3).map(Formula.Any::new);
        return Arbitraries.frequencyOf(Tuple.of(4, key), Tuple.of(6, threshold), Tuple.of(2, any), Tuple.of(1, constant));
    }
}
