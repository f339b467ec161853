package io.quorate.chain.hive;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Authority;
import io.quorate.policy.AuthorityReader;
import io.quorate.policy.Chain;
import io.quorate.policy.Requirements;
import io.quorate.policy.SuppressionReader;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.util.List;

/** Reads a {@code chain: hive} account: the hardfork and the owner, active and posting roles. */
final class HiveReader {

    /** {@code {account: name, weight}}: the phase of the check picks the role. */
    static final AuthorityReader.AccountRef ACCOUNT_REF = new AuthorityReader.AccountRef("account", null, "alice",
            new AuthorityReader.Names(HiveNames::isName, "hive account name", HiveNames.RULE));
    /** What a Hive role looks like: u32 thresholds, u16 weights, accounts by name. */
    static final AuthorityReader.Shape SHAPE = new AuthorityReader.Shape(Chain.HIVE, IntRange.U32.as("hive thresholds are u32"),
            IntRange.U16.as("hive weights are u16"), ACCOUNT_REF, false, false, false);
    static final List<String> FIELDS = List.of("chain", "options", "owner", "active", "posting", SuppressionReader.FIELD);
    private static final IntRange HARDFORK = IntRange.of(1, 99).as("hive hardforks are numbered from 1");

    private HiveReader() {
    }

    static HiveAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        if (!HiveNames.isName(name)) {
            in.x.error(AuthorityReader.INVALID_NAME, at, context + ": `" + name + "` is not a valid hive account name", HiveNames.RULE);
        }
        in.x.onlyFields(m, context, FIELDS);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int hardfork = HiveAccount.DEFAULT_HARDFORK;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", List.of("hardfork"));
            if (options.value("hardfork") != null) {
                Integer h = in.x.integerInt(options.get("hardfork"), context + ": `hardfork`", HARDFORK);
                if (h != null) hardfork = h;
            }
        }
        return new HiveAccount(name, hardfork, role(in, m, "owner", context), role(in, m, "active", context),
                role(in, m, "posting", context), requirements, at);
    }

    private static Authority role(AuthorityReader in, YamlMapping m, String role, String context) {
        YamlNode node = m.value(role);
        if (node == null) return null;
        AuthorityReader.Read read = in.authority(role, m.entry(role).keyAt(), node, SHAPE, context + ": role `" + role + "`");
        return read == null ? null : read.authority();
    }
}
