package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.Requirements;
import io.quorate.policy.SuppressionReader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a {@code chain: ft4} account: options, account id and auth descriptors with their rules. */
final class Ft4Reader {

    static final String MAIN_DESCRIPTOR = "main-descriptor";
    static final String INVALID_RULE = "invalid-rule";
    private static final Set<String> OPS = Set.of("lt", "le", "eq", "ge", "gt");
    private static final Set<String> VARIABLES = Set.of("block_height", "block_time", "op_count");
    private static final String RULE_HELP = "write `[gt, block_height, 1000]`, or "
            + "`[and, [ge, block_time, 1700000000000], [lt, op_count, 10]]`; op is lt, le, eq, ge or gt; "
            + "variable is block_height, block_time or op_count";
    private static final IntRange MAX_DESCRIPTORS = IntRange.of(1, 200).as("ft4 accounts hold at most 200 descriptors");
    private static final IntRange REQUIRED = IntRange.POSITIVE_INT.as("ft4 needs at least 1 signature");

    static final Form.Obj OPTIONS = Form.obj("how the account is checked",
            Form.optional("max_descriptors", Form.whole(MAX_DESCRIPTORS), "how many descriptors the account may hold"),
            Form.optional("mandatory_flags", Form.listOf(Form.text("a flag")), "flags the main descriptor must carry"));
    /** {@code [op, variable, value]}. */
    private static final Form.Tuple COMPARISON = new Form.Tuple(List.of(
            Form.oneOf("an operator", OPS.stream().sorted().toArray(String[]::new)),
            Form.oneOf("a variable", VARIABLES.stream().sorted().toArray(String[]::new)),
            Form.whole(new IntRange(Long.MIN_VALUE, Long.MAX_VALUE, null))), null, 3);
    static final Form.Named RULE = Form.named("ft4-rule", Form.anyOf(COMPARISON,
            new Form.Tuple(List.of(new Form.Exactly("and", "all of the comparisons")), COMPARISON, 2)));
    static final Form.Obj DESCRIPTOR = Form.obj("an auth descriptor",
            Form.optional("main", Form.flag("the main descriptor"), "whether this is the account's main descriptor"),
            Form.required("signers", Form.nonEmptyListOf(PolicyForm.KEY), "the keys that sign for the descriptor"),
            Form.optional("signatures_required", Form.whole(REQUIRED), "how many signers must sign (needed with more than one signer)"),
            Form.optional("flags", Form.listOf(Form.text("a flag, such as `A` or `T`")), "what the descriptor may do"),
            Form.optional("rules", RULE, "when the descriptor expires: `[op, variable, value]` or `[and, ...]`"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));
    /** What an ft4 account holds: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("an ft4 account",
            PolicyForm.chainField(Chain.FT4),
            Form.optional("options", OPTIONS, "how the account is checked"),
            Form.optional("account_id", Form.matching("^[0-9a-fA-F]{64}$", "64 hex digits"), "the account id, checked against the main descriptor"),
            Form.required("auth_descriptors", Form.mapOf(Form.named("ft4-descriptor", DESCRIPTOR), "descriptors by name"),
                    "the auth descriptors, by name"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));

    private Ft4Reader() {
    }

    static Ft4Account read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        in.x.onlyFields(m, context, FORM);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int maxDescriptors = Ft4Account.DEFAULT_MAX_DESCRIPTORS;
        List<String> mandatoryFlags = Ft4Account.DEFAULT_MANDATORY_FLAGS;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", OPTIONS);
            if (options.value("max_descriptors") != null) {
                Integer v = in.x.integerInt(options.get("max_descriptors"), context + ": `max_descriptors`", MAX_DESCRIPTORS);
                if (v != null) maxDescriptors = v;
            }
            if (options.get("mandatory_flags") != null) {
                mandatoryFlags = in.x.strings(options.get("mandatory_flags"), context + ": `mandatory_flags`");
            }
        }
        String accountId = m.value("account_id") == null ? null : accountId(in.x, m.get("account_id"), context + ": `account_id`");
        List<AuthDescriptor> descriptors = descriptors(in, m, at, context);
        return new Ft4Account(name, maxDescriptors, mandatoryFlags, accountId, descriptors, requirements, at);
    }

    private static String accountId(Expect x, YamlNode node, String context) {
        String text = x.string(node, context);
        if (text == null) return null;
        if (!text.matches("[0-9a-fA-F]{64}")) {
            x.error(AuthorityReader.INVALID_VALUE, node.at(), context + ": `" + text + "` is not a 32-byte hex account id",
                    "write the 64 hex digits of the account id");
            return null;
        }
        return text;
    }

    private static List<AuthDescriptor> descriptors(AuthorityReader in, YamlMapping account, SourceLocation at, String context) {
        List<AuthDescriptor> out = new ArrayList<>();
        YamlNode node = in.x.required(account, FORM, "auth_descriptors", context);
        YamlMapping m = node == null ? null : in.x.mapping(node, context + ": `auth_descriptors`", "duplicate-key", "descriptor");
        if (m == null) return out;
        for (YamlMapping.Entry e : m.entries()) {
            AuthDescriptor d = descriptor(in, e, context + ": descriptor `" + e.key() + "`");
            if (d != null) out.add(d);
        }
        List<AuthDescriptor> mains = out.stream().filter(AuthDescriptor::main).toList();
        if (mains.isEmpty() && out.size() == m.entries().size()) {
            in.x.error(MAIN_DESCRIPTOR, m.entries().isEmpty() ? at : m.at(), context + ": no main descriptor",
                    "mark exactly one descriptor `main: true`");
        }
        for (AuthDescriptor extra : mains.subList(Math.min(1, mains.size()), mains.size())) {
            in.x.error(MAIN_DESCRIPTOR, extra.at(), context + ": descriptors `" + mains.get(0).name() + "` and `" + extra.name()
                    + "` are both main", "an account has exactly one main descriptor");
        }
        return out;
    }

    private static AuthDescriptor descriptor(AuthorityReader in, YamlMapping.Entry e, String context) {
        YamlMapping m = in.x.mapping(e.value(), context);
        if (m == null) return null;
        in.x.onlyFields(m, context, DESCRIPTOR);
        boolean main = false;
        if (m.value("main") != null) {
            Boolean b = in.x.bool(m.get("main"), context + ": `main`");
            main = b != null && b;
        }
        List<KeyRef> signers = new ArrayList<>();
        YamlNode signersNode = in.x.required(m, DESCRIPTOR, "signers", context);
        List<YamlNode> items = in.x.list(signersNode, context + ": `signers`");
        boolean signersOk = true;
        for (int i = 0; i < items.size(); i++) {
            KeyRef k = in.key(Chain.FT4, items.get(i), context + ": signer " + (i + 1));
            if (k == null) signersOk = false;
            else signers.add(k);
        }
        if (signersNode != null && items.isEmpty() && signersNode instanceof YamlSequence) {
            in.x.error(Expect.MISSING_FIELD, signersNode.at(), context + ": `signers` is empty", "list at least one signer");
        }
        Integer required = null;
        if (m.value("signatures_required") != null) {
            required = in.x.integerInt(m.get("signatures_required"), context + ": `signatures_required`",
                    REQUIRED);
        } else if (items.size() > 1) {
            in.x.error(Expect.MISSING_FIELD, m.at(), context + ": " + items.size() + " signers but no `signatures_required`",
                    "add signatures_required: N for an N-of-M descriptor");
        }
        List<String> flags = m.get("flags") == null ? List.of() : in.x.strings(m.get("flags"), context + ": `flags`");
        Ft4Rule rules = m.value("rules") == null ? null : rule(in.x, m.get("rules"), context + ": `rules`");
        if (!signersOk) return null;
        return new AuthDescriptor(e.key(), main, signers, required, flags, rules, e.keyAt());
    }

    /** {@code [op, variable, value]} or {@code ["and", [...], [...], ...]}, or null (reported). */
    static Ft4Rule rule(Expect x, YamlNode node, String context) {
        if (!(node instanceof YamlSequence seq) || seq.items().isEmpty()) {
            x.error(INVALID_RULE, node.at(), context + ": expected a rule list, found " + node.describe(), RULE_HELP);
            return null;
        }
        if (seq.items().get(0) instanceof YamlScalar head && head.text().equals("and")) {
            List<Ft4Rule.Comparison> parts = new ArrayList<>();
            boolean ok = seq.items().size() >= 2;
            if (!ok) x.error(INVALID_RULE, seq.at(), context + ": `and` needs at least one comparison", RULE_HELP);
            for (int i = 1; i < seq.items().size(); i++) {
                Ft4Rule.Comparison c = comparison(x, seq.items().get(i), context + ": part " + i);
                if (c == null) ok = false;
                else parts.add(c);
            }
            return ok ? new Ft4Rule.And(parts, seq.at()) : null;
        }
        return comparison(x, seq, context);
    }

    private static Ft4Rule.Comparison comparison(Expect x, YamlNode node, String context) {
        if (!(node instanceof YamlSequence seq) || seq.items().size() != 3) {
            String found = node instanceof YamlSequence s ? "a list of " + s.items().size() : node.describe();
            x.error(INVALID_RULE, node.at(), context + ": expected `[op, variable, value]`, found " + found, RULE_HELP);
            return null;
        }
        List<YamlNode> it = seq.items();
        String op = it.get(0) instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING ? s.text() : null;
        String variable = it.get(1) instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING ? s.text() : null;
        boolean ok = true;
        if (op == null || !OPS.contains(op)) {
            x.error(INVALID_RULE, it.get(0).at(), context + ": unknown operator " + it.get(0).describe(), RULE_HELP);
            ok = false;
        }
        if (variable == null || !VARIABLES.contains(variable)) {
            x.error(INVALID_RULE, it.get(1).at(), context + ": unknown variable " + it.get(1).describe(), RULE_HELP);
            ok = false;
        }
        YamlNode v = it.get(2);
        if (!(v instanceof YamlScalar s && s.kind() == YamlScalar.Kind.INT && s.integer() != null && s.integer().bitLength() <= 63)) {
            x.error(INVALID_RULE, v.at(), context + ": the value must be an integer, found " + v.describe(), RULE_HELP);
            return null;
        }
        return ok ? new Ft4Rule.Comparison(op, variable, s.integer().longValue(), seq.at()) : null;
    }
}
