package io.quorate.analysis;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * What satisfies an authority once every reference is expanded, over key indices: a key, a
 * weighted threshold over parts, any of several formulas, or a constant. Monotone: adding keys
 * never turns a satisfied formula unsatisfied. {@code Key.key} indexes the key list of the
 * analysis that holds the formula.
 */
public sealed interface Formula {

    /** True when the keys for which {@code present} holds satisfy the formula. */
    boolean holds(IntPredicate present);

    record Key(int key) implements Formula {
        @Override
        public boolean holds(IntPredicate present) {
            return present.test(key);
        }
    }

    /** Satisfied when the weights of the satisfied parts reach {@code threshold}; a part of weight 0 never counts. */
    record Threshold(long threshold, List<Part> parts) implements Formula {
        public Threshold {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean holds(IntPredicate present) {
            if (threshold <= 0) return true;
            long tally = 0;
            for (Part p : parts) {
                if (p.weight() > 0 && p.formula().holds(present)) {
                    tally += p.weight();
                    if (tally >= threshold) return true;
                }
            }
            return false;
        }
    }

    record Any(List<Formula> formulas) implements Formula {
        public Any {
            formulas = List.copyOf(formulas);
        }

        @Override
        public boolean holds(IntPredicate present) {
            for (Formula f : formulas) {
                if (f.holds(present)) return true;
            }
            return false;
        }
    }

    /**
     * Never satisfied. {@code outside} names the reference it stands for when that reference leads
     * outside the policy set (null otherwise): counted as nothing, though nothing is known of it.
     */
    record Never(String outside) implements Formula {
        public Never() {
            this(null);
        }

        @Override
        public boolean holds(IntPredicate present) {
            return false;
        }
    }

    record Always() implements Formula {
        @Override
        public boolean holds(IntPredicate present) {
            return true;
        }
    }

    record Part(Formula formula, long weight) {
    }

    /** The references outside the policy set that {@code f} counts as nothing, sorted, each once. */
    static List<String> outside(Formula f) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        collectOutside(f, out);
        return List.copyOf(out);
    }

    private static void collectOutside(Formula f, java.util.SortedSet<String> out) {
        if (f instanceof Never n && n.outside() != null) out.add(n.outside());
        if (f instanceof Threshold t) t.parts().forEach(p -> collectOutside(p.formula(), out));
        if (f instanceof Any a) a.formulas().forEach(x -> collectOutside(x, out));
    }
}
