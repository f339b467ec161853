package io.quorate.chain.casper;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyResolver;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.Requirements;
import io.quorate.policy.SuppressionReader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.policy.PolicyForm;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.util.List;

/** Reads a {@code chain: casper} account: associated keys, action thresholds and the account hash. */
final class CasperReader {

    private static final IntRange VERSION = IntRange.of(1, 2).as("casper version 1 or 2");
    private static final IntRange U8 = IntRange.U8.as("casper weights and thresholds are u8");
    static final Form.Obj OPTIONS = Form.obj("how the account is checked",
            Form.optional("version", Form.whole(VERSION), "the casper version whose rules apply (default 2)"));
    static final Form.Obj THRESHOLDS = Form.obj("the action thresholds",
            Form.optional("deployment", Form.whole(U8), "the weight a deploy needs (default 1)"),
            Form.optional("key_management", Form.whole(U8), "the weight changing keys and thresholds needs (default 1)"),
            Form.optional("upgrade_management", Form.whole(U8), "the weight upgrading contracts needs (default 1)"));
    /** What a casper account holds: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("a casper account",
            PolicyForm.chainField(Chain.CASPER),
            Form.optional("options", OPTIONS, "how the account is checked"),
            Form.optional("keys", Form.listOf(AuthorityReader.keyWeightForm(U8)), "the associated keys and their weights"),
            Form.optional("thresholds", THRESHOLDS, "the action thresholds"),
            Form.optional("account_hash", Form.text("an account hash or a public key"), "the account's hash, checked against its keys"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));

    private CasperReader() {
    }

    static CasperAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        in.x.onlyFields(m, context, FORM);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int version = CasperAccount.DEFAULT_VERSION;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", OPTIONS);
            if (options.value("version") != null) {
                Integer v = in.x.integerInt(options.get("version"), context + ": `version`", VERSION);
                if (v != null) version = v;
            }
        }
        List<KeyWeight> keys = in.keyWeights(Chain.CASPER, m.get("keys"), U8, context);
        int deployment = 1;
        int keyManagement = 1;
        int upgradeManagement = 1;
        SourceLocation thresholdsAt = at;
        if (m.value("thresholds") != null) {
            thresholdsAt = m.entry("thresholds").keyAt();
            String c = context + ": `thresholds`";
            YamlMapping t = in.x.mapping(m.get("thresholds"), c);
            if (t != null) {
                in.x.onlyFields(t, c, THRESHOLDS);
                deployment = threshold(in, t, "deployment", c);
                keyManagement = threshold(in, t, "key_management", c);
                upgradeManagement = threshold(in, t, "upgrade_management", c);
            }
        }
        KeyId accountHash = m.value("account_hash") == null ? null
                : accountHash(in.x, m.get("account_hash"), context + ": `account_hash`");
        return new CasperAccount(name, version, keys, deployment, keyManagement, upgradeManagement, accountHash,
                requirements, at, thresholdsAt);
    }

    private static int threshold(AuthorityReader in, YamlMapping t, String field, String context) {
        if (t.value(field) == null) return 1;
        Integer v = in.x.integerInt(t.get(field), context + ": `" + field + "`", U8);
        return v == null ? 1 : v;
    }

    /** A Casper account hash (or public key) as written, or null (reported). */
    private static KeyId accountHash(Expect x, YamlNode node, String context) {
        String text = x.string(node, context);
        if (text == null) return null;
        try {
            return CasperKeys.decode(text);
        } catch (KeyFormatException e) {
            x.error(KeyResolver.INVALID_KEY, node.at(), context + ": `" + text + "` is not a valid casper account hash: " + e.getMessage(),
                    e.help());
            return null;
        }
    }
}
