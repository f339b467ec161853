package io.quorate.conditions;

import io.quorate.policy.conditions.ConditionRule;
import java.util.List;

/**
 * A condition rule as Drools rules: the rule that marks the check matched when its {@code when}
 * holds ({@code constraints} and {@code joins}), and, when it needs data, the rule that marks it
 * lacking when its action matches but the data is not there ({@code lacking}, else null).
 */
record CompiledCondition(ConditionRule source, List<Constraint> constraints, List<ListJoin> joins, List<Constraint> lacking) {

    String name() {
        return "condition " + source.id() + " " + source.label();
    }

    String lackingName() {
        return name() + " (missing data)";
    }
}
