package io.quorate.policy;

import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.mapOf;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;
import static io.quorate.yaml.Form.whole;

import io.quorate.policy.conditions.ConditionsForm;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import java.util.List;

/**
 * The fields of a policy file, as {@link PolicyLoader} checks them and {@code quorate schema policy}
 * renders them. The accounts' fields come from each chain's {@link ChainSyntax#accountForm()}.
 */
public final class PolicyForm {

    static final IntRange COUNT = IntRange.of(0, Integer.MAX_VALUE);

    /** A key where a key is expected: a name from {@code keys:} or a public key. */
    public static final Form.Named KEY = KeyForm.KEY;

    public static final Form.Obj HELD_KEY = obj("a public key and who holds it",
            required("key", text("the public key"), "the public key, in the format of the chains that use it"),
            optional("holder", text(), "who holds the key: keys with one holder count once for `distinct_holders`"));

    /** {@code keys:} of a policy file, a plan and a test file: names for public keys. */
    public static final Form.Named KEYS = named("keys", mapOf(Form.anyOf(text("a public key"), HELD_KEY),
            "names for public keys, used wherever a key is expected"));

    public static final Form.Obj REQUIREMENTS = obj("what every account of the file must meet (checked by `quorate lint`)",
            optional("min_signers", whole(COUNT), "the fewest keys that may sign for any authority"),
            optional("survive_key_loss", whole(COUNT), "how many keys may be lost with every authority still reachable"),
            optional("distinct_holders", whole(COUNT), "the fewest different holders whose keys must sign"));

    public static final Form.Obj SUPPRESSION = obj("a lint finding accepted, with the reason",
            required("check", text("a lint check id"), "the id of the lint check whose finding is accepted"),
            required("reason", Form.matching("\\S", "why the finding is acceptable"), "why the finding is acceptable (not blank)"),
            optional("expires", new Form.Day("the day the suppression stops applying"), "the day the suppression stops applying"));

    /** {@code suppress:} on an account or on one of its authorities. */
    public static final Form.Named SUPPRESS = named("suppress", listOf(SUPPRESSION));

    public static final Form.Obj VALIDITY = obj("when the authority counts",
            optional("from", new Form.Moment("from this instant on"), "the authority counts from this instant on"),
            optional("until", new Form.Moment("until this instant"), "the authority counts until this instant"));

    /** The top-level fields, without the accounts' own (which the registered chains give). */
    static final Form.Obj TOP = obj("a quorate policy file",
            required("quorate", new Form.Exactly(PolicyLoader.FORMAT_VERSION, "the format version"), "the format version: 1"),
            optional("keys", KEYS, "names for public keys, used wherever a key is expected"),
            optional("requirements", REQUIREMENTS, "what every account of the file must meet"),
            optional("accounts", mapOf(Form.anyOf(), "accounts by name"), "the accounts, by name"),
            // the organisation's conditions, as their reader declares them
            optional("assets", ConditionsForm.ASSETS, "assets beyond the chains' own, with their decimals"),
            optional("groups", ConditionsForm.GROUPS, "approver groups: named sets of keys"),
            optional("lists", ConditionsForm.LISTS, "named lists of destinations, assets, …"),
            optional("conditions", ConditionsForm.SHARED, "condition sets that several accounts share, by name"),
            // the cases are the test runner's to read (`quorate schema test` describes them)
            optional("tests", listOf(Form.anyOf()), "the policy's own test cases, as in a test file's `tests:`"));

    private PolicyForm() {
    }

    /**
     * The whole policy file, each account in the form its {@code chain:} selects, with the
     * account's {@code conditions} (read apart from the chain's fields, so every chain has them).
     */
    public static Form.Obj document() {
        List<Form.Variant> chains = ChainSyntaxes.all().stream()
                .map(s -> new Form.Variant(s.chain().id(), withConditions(s.accountForm())))
                .toList();
        Form.Named account = named("account", new Form.Tagged("chain", chains, "an account; its `chain` says which fields it has"));
        List<Form.Field> fields = TOP.fields().stream()
                .map(f -> f.name().equals("accounts")
                        ? optional("accounts", mapOf(account, "accounts by name"), f.description())
                        : f)
                .toList();
        return new Form.Obj(fields, List.of(), TOP.description());
    }

    /** {@code account} with its {@code conditions}, before {@code suppress} when it has that. */
    static Form.Obj withConditions(Form.Obj account) {
        if (account.names().contains(ConditionsForm.ACCOUNT_FIELD)) return account;
        List<Form.Field> fields = new java.util.ArrayList<>(account.fields());
        int at = account.names().indexOf("suppress");
        Form.Field conditions = optional(ConditionsForm.ACCOUNT_FIELD, ConditionsForm.ACCOUNT,
                "the organisation's conditions on what the account does: a set written here, or the name of a shared one");
        fields.add(at < 0 ? fields.size() : at, conditions);
        return new Form.Obj(fields, account.oneRequired(), account.description());
    }

    /** The {@code chain:} field of a chain's account form. */
    public static Form.Field chainField(Chain chain) {
        return required("chain", new Form.Exactly(chain.id(), "the chain"), "the chain: `" + chain.id() + "`");
    }
}
