package io.quorate.chain.hive;

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
import io.quorate.yaml.YamlNode;

/** Reads a {@code chain: hive} account: the hardfork and the owner, active and posting roles. */
final class HiveReader {

    /** {@code {account: name, weight}}: the phase of the check picks the role. */
    static final AuthorityReader.AccountRef ACCOUNT_REF = new AuthorityReader.AccountRef("account", null, "alice",
            new AuthorityReader.Names(HiveNames::isName, "hive account name", HiveNames.RULE));
    /** What a Hive role looks like: u32 thresholds, u16 weights, accounts by name. */
    static final AuthorityReader.Shape SHAPE = new AuthorityReader.Shape(Chain.HIVE, IntRange.U32.as("hive thresholds are u32"),
            IntRange.U16.as("hive weights are u16"), ACCOUNT_REF, false, false, false);
    private static final IntRange HARDFORK = IntRange.of(1, 99).as("hive hardforks are numbered from 1");
    static final Form.Obj OPTIONS = Form.obj("how the account is checked",
            Form.optional("hardfork", Form.whole(HARDFORK), "the hardfork whose rules apply"));
    private static final Form.Named ROLE = Form.named("hive-role", SHAPE.form());
    /** What a hive account holds: what {@link #read} accepts. */
    static final Form.Obj FORM = Form.obj("a hive account",
            PolicyForm.chainField(Chain.HIVE),
            Form.optional("options", OPTIONS, "how the account is checked"),
            Form.optional("owner", ROLE, "the owner role"),
            Form.optional("active", ROLE, "the active role"),
            Form.optional("posting", ROLE, "the posting role"),
            Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));

    private HiveReader() {
    }

    static HiveAccount read(AuthorityReader in, String name, SourceLocation at, YamlMapping m, Requirements requirements) {
        String context = "account `" + name + "`";
        if (!HiveNames.isName(name)) {
            in.x.error(AuthorityReader.INVALID_NAME, at, context + ": `" + name + "` is not a valid hive account name", HiveNames.RULE);
        }
        in.x.onlyFields(m, context, FORM);
        YamlMapping options = in.x.optionalMapping(m.get("options"), context + ": `options`", at);
        int hardfork = HiveAccount.DEFAULT_HARDFORK;
        if (options != null) {
            in.x.onlyFields(options, context + ": `options`", OPTIONS);
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
