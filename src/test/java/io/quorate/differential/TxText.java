package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generated candidate transaction, written in the transaction format (FORMAT.md). */
final class TxText {

    /** {@code action} is written as is (already YAML: a quoted name or a flow mapping). */
    record Action(String account, String action, String authorization) {
    }

    final List<Action> actions = new ArrayList<>();
    final List<String> signatures = new ArrayList<>();
    final List<String> approvals = new ArrayList<>();
    String authDescriptor;
    final Map<String, String> context = new LinkedHashMap<>();

    void action(String account, String actionName, String authorization) {
        actions.add(new Action(account, Yaml.q(actionName), authorization));
    }

    void flagsAction(String account, List<String> flags) {
        actions.add(new Action(account, "{flags: " + Yaml.strings(flags) + "}", null));
    }

    String render(String id) {
        StringBuilder sb = new StringBuilder("- id: ").append(Yaml.q(id)).append('\n');
        if (actions.size() == 1) {
            Action a = actions.get(0);
            sb.append("  account: ").append(Yaml.q(a.account())).append('\n');
            sb.append("  action: ").append(a.action()).append('\n');
            if (a.authorization() != null) sb.append("  authorization: ").append(Yaml.q(a.authorization())).append('\n');
        } else {
            sb.append("  actions:\n");
            for (Action a : actions) {
                sb.append("    - {account: ").append(Yaml.q(a.account())).append(", action: ").append(a.action());
                if (a.authorization() != null) sb.append(", authorization: ").append(Yaml.q(a.authorization()));
                sb.append("}\n");
            }
        }
        sb.append("  signatures: ").append(Yaml.strings(signatures)).append('\n');
        if (!approvals.isEmpty()) sb.append("  approvals: ").append(Yaml.strings(approvals)).append('\n');
        if (authDescriptor != null) sb.append("  auth_descriptor: ").append(Yaml.q(authDescriptor)).append('\n');
        if (!context.isEmpty()) {
            List<String> parts = new ArrayList<>();
            context.forEach((k, v) -> parts.add(k + ": " + v));
            sb.append("  context: {").append(String.join(", ", parts)).append("}\n");
        }
        return sb.toString();
    }
}
