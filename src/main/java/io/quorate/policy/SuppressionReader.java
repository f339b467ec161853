package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code suppress:} lists a policy may write on an account and on each of its
 * authorities, roles and descriptors: {@code [{check, reason, expires}]}. Which check ids exist is
 * the linter's business, not the loader's; the loader only insists on a written reason.
 */
public final class SuppressionReader {

    public static final String FIELD = "suppress";
    /** Where each chain keeps its authorities inside an account mapping. */
    private static final List<String> CONTAINERS = List.of("permissions", "authorities", "auth_descriptors");

    private SuppressionReader() {
    }

    /** Every suppression written in account {@code name}'s mapping. */
    public static List<Suppression> read(Expect x, String name, Chain chain, YamlMapping account) {
        List<Suppression> out = new ArrayList<>();
        String context = "account `" + name + "`";
        read(x, account.get(FIELD), name, null, context, out);
        for (String role : ChainSyntaxes.of(chain).authorityFields()) {
            {
                if (account.value(role) instanceof YamlMapping m) {
                    read(x, m.get(FIELD), name, role, context + ": role `" + role + "`", out);
                }
            }
        }
        for (String container : CONTAINERS) {
            if (!(account.value(container) instanceof YamlMapping authorities)) continue;
            for (YamlMapping.Entry e : authorities.entries()) {
                if (e.value() instanceof YamlMapping m) {
                    read(x, m.get(FIELD), name, e.key(), context + ": `" + e.key() + "`", out);
                }
            }
        }
        return out;
    }

    private static void read(Expect x, YamlNode node, String account, String authority, String context, List<Suppression> out) {
        if (node == null) return;
        String c = context + ": `suppress`";
        List<YamlNode> items = x.list(node, c);
        for (int i = 0; i < items.size(); i++) {
            String ci = c + " " + (i + 1);
            YamlMapping m = x.mapping(items.get(i), ci);
            if (m == null) continue;
            x.onlyFields(m, ci, PolicyForm.SUPPRESSION);
            YamlNode check = x.required(m, PolicyForm.SUPPRESSION, "check", ci);
            YamlNode reason = m.value("reason");
            String checkId = check == null ? null : x.string(check, ci + ": `check`");
            String why = reason == null ? null : x.string(reason, ci + ": `reason`");
            if (reason == null || why != null && why.isBlank()) {
                x.error(Expect.MISSING_FIELD, m.at(), ci + ": missing field `reason`",
                        "say why the finding is acceptable, e.g. `reason: \"cold key in a bank vault\"`");
                why = null;
            }
            LocalDate expires = m.value("expires") == null ? null : date(x, m.get("expires"), ci + ": `expires`");
            SourceLocation at = m.at();
            if (checkId != null && why != null) out.add(new Suppression(checkId, why, expires, account, authority, at));
        }
    }

    private static LocalDate date(Expect x, YamlNode node, String context) {
        String text = x.string(node, context);
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            x.error(Expect.INVALID_VALUE, node.at(), context + ": `" + text + "` is not a date", "write a day such as `2027-06-30`");
            return null;
        }
    }
}
