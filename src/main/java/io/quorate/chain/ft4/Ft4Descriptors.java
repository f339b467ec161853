package io.quorate.chain.ft4;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.plan.DiffPlan;
import io.quorate.plan.PlanKeys;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.yaml.Expect;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An FT4 auth descriptor as a step writes it ({@code {name, signers, signatures_required, flags, rules}}): read, written, compared. */
final class Ft4Descriptors {

    private static final Set<String> OPS = Set.of("lt", "le", "eq", "ge", "gt");
    private static final Set<String> VARIABLES = Set.of("block_height", "block_time", "op_count");

    /** A descriptor as a step writes it: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("an auth descriptor",
            Form.required("name", Form.text("the descriptor's name"), "the descriptor's name"),
            Form.required("signers", Form.listOf(PolicyForm.KEY), "the keys that sign for it"),
            Form.optional("signatures_required", Form.whole(IntRange.of(0, Integer.MAX_VALUE)), "how many signers must sign"),
            Form.optional("flags", Form.listOf(Form.text("a flag")), "what the descriptor may do"),
            Form.optional("rules", Ft4Reader.RULE, "when the descriptor expires"));

    private Ft4Descriptors() {
    }

    static AuthDescriptor read(Expect x, PlanKeys keys, YamlNode node, boolean main, String context) {
        YamlMapping m = x.mapping(node, context);
        if (m == null) return null;
        x.onlyFields(m, context, FORM);
        String name = x.string(x.required(m, FORM, "name", context), context + ": `name`");
        List<KeyRef> signers = new ArrayList<>();
        boolean ok = name != null;
        List<YamlNode> items = x.list(x.required(m, FORM, "signers", context), context + ": `signers`");
        for (YamlNode s : items) {
            KeyRef k = keys.resolve(x, Chain.FT4, s, context + ": signer");
            if (k == null) ok = false;
            else signers.add(k);
        }
        Integer required = m.get("signatures_required") == null ? null
                : x.integerInt(m.get("signatures_required"), context + ": `signatures_required`", IntRange.of(0, Integer.MAX_VALUE));
        List<String> flags = x.strings(m.get("flags"), context + ": `flags`");
        Ft4Rule rules = null;
        YamlNode r = m.get("rules");
        if (r != null && !(r instanceof YamlScalar s && s.isNull())) {
            rules = rule(x, r, context + ": `rules`");
            if (rules == null) ok = false;
        }
        return ok ? new AuthDescriptor(name, main, signers, required, flags, rules, m.at()) : null;
    }

    /** Writes {@code d} into {@code o}, its signers as {@code plan} spells keys. */
    static void write(DiffPlan plan, AuthDescriptor d, ObjectNode o) {
        o.put("name", d.name());
        ArrayNode signers = o.putArray("signers");
        d.signers().forEach(s -> signers.add(plan.text(s)));
        if (d.signaturesRequired() != null) o.put("signatures_required", d.signaturesRequired());
        d.flags().forEach(o.putArray("flags")::add);
        if (d.rules() != null) {
            ArrayNode rules = o.putArray("rules");
            if (d.rules() instanceof Ft4Rule.And) rules.add("and");
            for (Ft4Rule.Comparison c : d.rules().comparisons()) {
                ArrayNode target = d.rules() instanceof Ft4Rule.And ? rules.addArray() : rules;
                target.add(c.op()).add(c.variable()).add(c.value());
            }
        }
    }

    /** What a descriptor says, without its name or where it is written. */
    static String shape(AuthDescriptor d) {
        List<String> signers = d.signers().stream().map(k -> k.id().toString()).sorted().toList();
        String rules = d.rules() == null ? "" : d.rules().comparisons().stream().map(c -> c.op() + c.variable() + c.value()).toList().toString();
        return signers + "/" + d.signaturesRequired() + "/" + d.flags().stream().sorted().toList() + "/" + rules + "/" + d.main();
    }

    private static Ft4Rule rule(Expect x, YamlNode node, String context) {
        if (!(node instanceof YamlSequence seq) || seq.items().isEmpty()) {
            x.error(Expect.WRONG_TYPE, node.at(), context + ": expected `[op, variable, value]` or `[and, rule, …]`", "write `[gt, block_height, 1000]`");
            return null;
        }
        if (seq.items().get(0) instanceof YamlScalar first && "and".equals(first.text())) {
            List<Ft4Rule.Comparison> parts = new ArrayList<>();
            for (int i = 1; i < seq.items().size(); i++) {
                Ft4Rule.Comparison c = comparison(x, seq.items().get(i), context + ": part " + i);
                if (c == null) return null;
                parts.add(c);
            }
            return new Ft4Rule.And(parts, seq.at());
        }
        return comparison(x, seq, context);
    }

    private static Ft4Rule.Comparison comparison(Expect x, YamlNode node, String context) {
        if (!(node instanceof YamlSequence seq) || seq.items().size() != 3) {
            x.error(Expect.WRONG_TYPE, node.at(), context + ": expected `[op, variable, value]`", "write `[gt, block_height, 1000]`");
            return null;
        }
        String op = x.string(seq.items().get(0), context + ": operator");
        String variable = x.string(seq.items().get(1), context + ": variable");
        Long value = x.integer(seq.items().get(2), context + ": value", IntRange.NON_NEGATIVE);
        if (op == null || variable == null || value == null) return null;
        if (!OPS.contains(op) || !VARIABLES.contains(variable)) {
            x.error(Expect.INVALID_VALUE, seq.at(), context + ": `" + op + " " + variable + "` is not an ft4 rule",
                    "operators lt, le, eq, ge, gt over block_height, block_time, op_count");
            return null;
        }
        return new Ft4Rule.Comparison(op, variable, value, seq.at());
    }
}
