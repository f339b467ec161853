package io.quorate.chain.generic;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Authority;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.Requirements;
import io.quorate.policy.SuppressionReader;
import io.quorate.yaml.Form;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a {@code chain: generic} account: named authorities and the actions they guard. */
final class GenericReader {

    /** {@code {account: acct@authority, weight}}, any names. */
    static final AuthorityReader.AccountRef AUTHORITY_REF = new AuthorityReader.AccountRef("account", "authority", "ops@spend", null);
    /** What a generic authority looks like: any non-negative numbers, a parent and a validity window. */
    static final AuthorityReader.Shape SHAPE = new AuthorityReader.Shape(Chain.GENERIC, IntRange.NON_NEGATIVE,
            IntRange.of(0, Integer.MAX_VALUE), AUTHORITY_REF, false, true, true);
    static final Form.Obj OPTIONS = Form.obj("how the account is checked",
            Form.optional("max_depth", Form.whole(IntRange.REFERENCE_DEPTH), "how deep authority references are followed"));
    /** What a generic account holds: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("a generic account",
            PolicyForm.chainField(Chain.GENERIC),
            Form.optional("options", OPTIONS, "how the account is checked"),
            Form.required("authorities", Form.mapOf(Form.named("generic-authority", SHAPE.form()), "authorities by name"),
                    "the account's authorities, by name"),
            Form.optional("actions", Form.mapOf(Form.text("an authority of the account"), "actions to the authority each needs"),
                    "which authority each action needs"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));
    static final String UNKNOWN_AUTHORITY = "unknown-authority";

    private GenericReader() {
    }

    static GenericAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        in.x.onlyFields(m, context, FORM);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int maxDepth = GenericAccount.DEFAULT_MAX_DEPTH;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", OPTIONS);
            if (options.value("max_depth") != null) {
                Integer d = in.x.integerInt(options.get("max_depth"), context + ": `max_depth`", IntRange.REFERENCE_DEPTH);
                if (d != null) maxDepth = d;
            }
        }
        Map<String, Authority> authorities = new LinkedHashMap<>();
        Map<String, SourceLocation> parentAt = new HashMap<>();
        YamlNode node = in.x.required(m, FORM, "authorities", context);
        YamlMapping auths = node == null ? null : in.x.mapping(node, context + ": `authorities`", "duplicate-key", "authority");
        if (auths != null) {
            for (YamlMapping.Entry e : auths.entries()) {
                AuthorityReader.Read read = in.authority(e.key(), e.keyAt(), e.value(), SHAPE,
                        context + ": authority `" + e.key() + "`");
                if (read == null) continue;
                authorities.put(e.key(), read.authority());
                if (read.parentAt() != null) parentAt.put(e.key(), read.parentAt());
            }
            in.checkParents(authorities, parentAt, "authority", context);
        }
        Map<String, String> actions = new LinkedHashMap<>();
        if (m.value("actions") != null) {
            YamlMapping acts = in.x.mapping(m.get("actions"), context + ": `actions`", "duplicate-key", "action");
            if (acts != null) {
                for (YamlMapping.Entry e : acts.entries()) {
                    String c = context + ": action `" + e.key() + "`";
                    String authority = in.x.string(e.value(), c);
                    if (authority == null) continue;
                    if (auths != null && auths.entry(authority) == null) {
                        String suggestion = Suggest.didYouMean(authority, authorities.keySet());
                        in.x.error(UNKNOWN_AUTHORITY, e.value().at(), c + ": authority `" + authority + "` is not declared in the account",
                                suggestion != null ? suggestion : "declare it under `authorities:`");
                        continue;
                    }
                    actions.put(e.key(), authority);
                }
            }
        }
        return new GenericAccount(name, authorities, actions, maxDepth, requirements, at);
    }
}
