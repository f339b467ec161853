package io.quorate.conditions;

import org.drools.model.AlphaIndex;
import org.drools.model.functions.Predicate1;

/**
 * One constraint of a condition rule on the check: the DRL a reviewer reads and the predicate
 * that runs, made together from the same constants. {@code index} is set for equality on a field
 * Drools hashes (the set, the action, the asset). The text doubles as the constraint's id, so two
 * rules share a node only where they state the same thing.
 */
record Constraint(String drl, Predicate1<ConditionCheck> test, AlphaIndex<ConditionCheck, ?> index) {

    Constraint(String drl, Predicate1<ConditionCheck> test) {
        this(drl, test, null);
    }
}
