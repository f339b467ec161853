package io.quorate.report;

import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import java.util.List;
import java.util.stream.Collectors;

/** A decision for people: the verdict first, then why, then what is missing. */
public final class DecisionText {

    private DecisionText() {
    }

    public static String render(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.decision().label().toUpperCase(java.util.Locale.ROOT));
        if (d.id() != null) sb.append("  ").append(d.id());
        sb.append('\n');
        if (d.account() != null) {
            sb.append("  ").append(d.account()).append(": ").append(d.action());
            if (d.required() != null) sb.append(" requires ").append(d.required());
            sb.append('\n');
        }
        if (d.satisfiedBy() != null) sb.append("  satisfied by ").append(d.satisfiedBy()).append('\n');
        if (d.required() != null || d.satisfiedBy() != null) {
            sb.append("  weight ").append(d.weight()).append(" of threshold ").append(d.threshold()).append('\n');
        }
        if (!d.usedKeys().isEmpty()) sb.append("  used keys: ").append(String.join(", ", d.usedKeys())).append('\n');
        if (!d.unusedKeys().isEmpty()) sb.append("  unused keys: ").append(String.join(", ", d.unusedKeys())).append('\n');
        if (!d.allowed() && !d.countedKeys().equals(d.usedKeys()) && !d.countedKeys().isEmpty()) {
            sb.append("  keys that counted toward a tally: ").append(String.join(", ", d.countedKeys())).append('\n');
        }
        for (Reason r : d.reasons()) {
            sb.append("  ").append(r.code()).append(": ").append(r.message()).append('\n');
        }
        if (d.conditions() != null) {
            sb.append("  conditions: ").append(d.conditions().outcome());
            if (!d.conditions().matched().isEmpty()) sb.append(" (matched ").append(String.join(", ", d.conditions().matched())).append(')');
            sb.append('\n');
            if (d.conditions().required() != null) sb.append("  approvals required: ").append(d.conditions().required()).append('\n');
            if (!d.conditions().missing().isEmpty()) {
                sb.append("  approvals missing: ").append(String.join("; ", d.conditions().missing())).append('\n');
            }
        }
        if (!d.missing().isEmpty()) {
            sb.append("  missing, any one of: ").append(d.missing().stream().map(DecisionText::set)
                    .collect(Collectors.joining(" | "))).append('\n');
        }
        return sb.toString();
    }

    private static String set(List<String> keys) {
        return "{" + String.join(", ", keys) + "}";
    }
}
