package io.quorate.chain.eos;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Authority;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.Requirements;
import io.quorate.policy.SuppressionReader;
import io.quorate.yaml.Form;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an {@code chain: eos} account: options (depth, the legacy key prefix), the permission tree and the links. */
final class EosReader {

    /** {@code {permission: actor@perm, weight}}, both Antelope names. */
    static final AuthorityReader.AccountRef PERMISSION_REF = new AuthorityReader.AccountRef("permission", "permission",
            "partner11111@active", new AuthorityReader.Names(EosNames::isName, "eos name", EosNames.RULE));
    /** What an Antelope permission looks like: u32 thresholds, u16 weights, waits and a parent. */
    static final AuthorityReader.Shape SHAPE = new AuthorityReader.Shape(Chain.EOS, IntRange.U32.as("eos thresholds are u32"),
            IntRange.U16.as("eos weights are u16"), PERMISSION_REF, true, true, false);
    static final Form.Obj OPTIONS = Form.obj("how the account is checked",
            Form.optional("max_authority_depth", Form.whole(IntRange.REFERENCE_DEPTH), "how deep permission references are followed (default 6)"),
            Form.optional("key_prefix", Form.matching("^[A-Z]{" + EosKeys.MIN_PREFIX + "," + EosKeys.MAX_PREFIX + "}$",
                    "capital letters such as `EOS` or `FIO`"), "the prefix of the chain's legacy keys (default `EOS`)"));
    /** What an eos account holds: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("an eos account",
            PolicyForm.chainField(Chain.EOS),
            Form.optional("options", OPTIONS, "how the account is checked"),
            Form.required("permissions", Form.mapOf(Form.named("eos-permission", SHAPE.form()), "permissions by name"),
                    "the permission tree: `owner`, `active` and the account's own"),
            Form.optional("links", new Form.MapOf(Form.text("a permission of the account"), "^[^:]+::[^:]+$",
                    "`contract::action` (or `contract::*`) to the permission it needs"), "which permission each action needs"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));
    private static final String LINK_HELP = "write `contract::action` or `contract::*`, e.g. `eosio.token::transfer`";

    private EosReader() {
    }

    static EosAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        if (!EosNames.isName(name)) {
            in.x.error(AuthorityReader.INVALID_NAME, at, context + ": `" + name + "` is not a valid eos account name", EosNames.RULE);
        }
        in.x.onlyFields(m, context, FORM);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int depth = EosAccount.DEFAULT_MAX_AUTHORITY_DEPTH;
        String keyPrefix = EosKeys.LEGACY;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", OPTIONS);
            if (options.value("max_authority_depth") != null) {
                Integer d = in.x.integerInt(options.get("max_authority_depth"), context + ": `max_authority_depth`", IntRange.REFERENCE_DEPTH);
                if (d != null) depth = d;
            }
            if (options.value("key_prefix") != null) {
                String p = in.x.string(options.get("key_prefix"), context + ": `key_prefix`");
                if (p != null && EosKeys.isLegacyPrefix(p)) {
                    keyPrefix = p;
                } else if (p != null) {
                    in.x.error(AuthorityReader.INVALID_VALUE, options.get("key_prefix").at(), context + ": `key_prefix`: `" + p
                            + "` is not a key prefix", "a prefix is 2 to 7 capital letters, such as `EOS` or `FIO`");
                }
            }
        }
        Map<String, Authority> permissions = permissions(in, m, SHAPE.withKeys(EosKeys.withLegacyPrefix(keyPrefix)), context);
        Map<String, SourceLocation> linkAt = new LinkedHashMap<>();
        Map<String, String> links = links(in, m, context, linkAt);
        return new EosAccount(name, depth, permissions, links, requirements, at, linkAt);
    }

    private static Map<String, Authority> permissions(AuthorityReader in, YamlMapping account, AuthorityReader.Shape shape, String context) {
        Map<String, Authority> out = new LinkedHashMap<>();
        Map<String, SourceLocation> parentAt = new HashMap<>();
        var node = in.x.required(account, FORM, "permissions", context);
        YamlMapping m = node == null ? null : in.x.mapping(node, context + ": `permissions`", "duplicate-key", "permission");
        if (m == null) return out;
        for (YamlMapping.Entry e : m.entries()) {
            String p = e.key();
            String c = context + ": permission `" + p + "`";
            if (!EosNames.isName(p)) {
                in.x.error(AuthorityReader.INVALID_NAME, e.keyAt(), c + ": `" + p + "` is not a valid eos permission name", EosNames.RULE);
            }
            AuthorityReader.Read read = in.authority(p, e.keyAt(), e.value(), shape, c);
            if (read == null) continue;
            Authority a = read.authority();
            String parent = a.parent();
            if (p.equals("owner") && parent != null) {
                in.x.error(AuthorityReader.INVALID_PARENT, read.parentAt(), c + ": `owner` has no parent", "remove `parent`");
                parent = null;
            } else if (p.equals("active") && parent != null && !parent.equals("owner")) {
                in.x.error(AuthorityReader.INVALID_PARENT, read.parentAt(), c + ": the parent of `active` is always `owner`",
                        "remove `parent` or write `parent: owner`");
                parent = "owner";
            } else if (parent == null && !p.equals("owner")) {
                parent = p.equals("active") ? "owner" : "active";
            }
            if (read.parentAt() != null) parentAt.put(p, read.parentAt());
            out.put(p, new Authority(a.name(), a.threshold(), a.keys(), a.accounts(), a.waits(), parent, a.valid(), a.at()));
        }
        in.checkParents(out, parentAt, "permission", context);
        return out;
    }

    private static Map<String, String> links(AuthorityReader in, YamlMapping account, String context, Map<String, SourceLocation> linkAt) {
        Map<String, String> out = new LinkedHashMap<>();
        if (account.value("links") == null) return out;
        YamlMapping m = in.x.mapping(account.get("links"), context + ": `links`", "duplicate-key", "link");
        if (m == null) return out;
        for (YamlMapping.Entry e : m.entries()) {
            String c = context + ": link `" + e.key() + "`";
            int sep = e.key().indexOf("::");
            String contract = sep < 0 ? e.key() : e.key().substring(0, sep);
            String action = sep < 0 ? null : e.key().substring(sep + 2);
            boolean ok = true;
            if (action == null || !EosNames.isName(contract) || !(action.equals("*") || EosNames.isName(action))) {
                in.x.error(AuthorityReader.INVALID_NAME, e.keyAt(), c + ": not a valid `contract::action`", LINK_HELP);
                ok = false;
            }
            String permission = in.x.string(e.value(), c);
            if (permission != null && !EosNames.isName(permission)) {
                in.x.error(AuthorityReader.INVALID_NAME, e.value().at(), c + ": `" + permission + "` is not a valid eos permission name",
                        EosNames.RULE);
                ok = false;
            }
            if (ok && permission != null) {
                out.put(e.key(), permission);
                linkAt.put(e.key(), e.keyAt());
            }
        }
        return out;
    }
}
