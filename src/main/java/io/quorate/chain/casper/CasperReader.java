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
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.util.List;

/** Reads a {@code chain: casper} account: associated keys, action thresholds and the account hash. */
final class CasperReader {

    static final List<String> FIELDS = List.of("chain", "options", "keys", "thresholds", "account_hash", SuppressionReader.FIELD);
    private static final IntRange VERSION = IntRange.of(1, 2).as("casper version 1 or 2");
    private static final IntRange U8 = IntRange.U8.as("casper weights and thresholds are u8");

    private CasperReader() {
    }

    static CasperAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        in.x.onlyFields(m, context, FIELDS);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int version = CasperAccount.DEFAULT_VERSION;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", List.of("version"));
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
                in.x.onlyFields(t, c, List.of("deployment", "key_management", "upgrade_management"));
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
