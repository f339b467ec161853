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

    record Never() implements Formula {
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
}
