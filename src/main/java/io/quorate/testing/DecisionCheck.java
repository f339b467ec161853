package io.quorate.testing;

import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares a decision with what a case expects of it, field by field. */
final class DecisionCheck {

    private DecisionCheck() {
    }

    /** The fields that differ, in the order of the decision's fields; empty when everything expected holds. */
    static List<FieldDiff> diff(Expected e, Decision d) {
        List<FieldDiff> out = new ArrayList<>();
        if (e.decision() != null && !e.decision().equals(d.decision().label())) {
            out.add(new FieldDiff("decision", e.decision(), d.decision().label()));
        }
        List<String> codes = d.reasons().stream().map(Reason::code).toList();
        if (e.reasons() != null && !codes.containsAll(e.reasons())) {
            out.add(new FieldDiff("reasons", list(e.reasons()), list(codes)));
        }
        if (e.satisfiedByGiven() && !java.util.Objects.equals(e.satisfiedBy(), d.satisfiedBy())) {
            out.add(new FieldDiff("satisfied_by", String.valueOf(e.satisfiedBy()), String.valueOf(d.satisfiedBy())));
        }
        if (e.usedKeys() != null && !e.usedKeys().equals(new LinkedHashSet<>(d.usedKeys()))) {
            out.add(new FieldDiff("used_keys", list(e.usedKeys()), list(d.usedKeys())));
        }
        if (e.unusedKeys() != null && !e.unusedKeys().equals(new LinkedHashSet<>(d.unusedKeys()))) {
            out.add(new FieldDiff("unused_keys", list(e.unusedKeys()), list(d.unusedKeys())));
        }
        if (e.missing() != null) {
            Set<Set<String>> actual = new LinkedHashSet<>();
            d.missing().forEach(m -> actual.add(new LinkedHashSet<>(m)));
            if (!e.missing().equals(actual)) out.add(new FieldDiff("missing", sets(e.missing()), sets(actual)));
        }
        return out;
    }

    /** {@code [a, b]}, as a flow list is written. */
    static String list(java.util.Collection<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    static String sets(java.util.Collection<? extends java.util.Collection<String>> sets) {
        return "[" + sets.stream().map(DecisionCheck::list).collect(Collectors.joining(", ")) + "]";
    }
}
