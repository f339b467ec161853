package io.quorate.policy;

import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.mapOf;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;
import static io.quorate.yaml.Form.whole;

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
    public static final Form.Named KEY = named("key", text("a key name from `keys:`, or a public key in the chain's format"));

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
            // the conditions' own declarations are the conditions reader's (`quorate schema policy` renders them)
            optional("assets", new Form.Anything("object", "assets by symbol"), "assets beyond the chains' own, with their precision"),
            optional("groups", new Form.Anything("object", "approver groups by name"), "approver groups: named sets of keys"),
            optional("lists", new Form.Anything("object", "lists by name"), "named lists of destinations, assets, …"),
            optional("conditions", new Form.Anything("object", "condition sets by name"), "condition sets that several accounts share, by name"),
            // the cases are the test runner's to read (`quorate schema test` describes them)
            optional("tests", listOf(Form.anyOf()), "the policy's own test cases, as in a test file's `tests:`"));

    private PolicyForm() {
    }

    /** The whole policy file, each account in the form its {@code chain:} selects. */
    public static Form.Obj document() {
        List<Form.Variant> chains = ChainSyntaxes.all().stream()
                .map(s -> new Form.Variant(s.chain().id(), s.accountForm()))
                .toList();
        Form.Named account = named("account", new Form.Tagged("chain", chains, "an account; its `chain` says which fields it has"));
        List<Form.Field> fields = TOP.fields().stream()
                .map(f -> f.name().equals("accounts")
                        ? optional("accounts", mapOf(account, "accounts by name"), f.description())
                        : f)
                .toList();
        return new Form.Obj(fields, List.of(), TOP.description());
    }

    /** The {@code chain:} field of a chain's account form. */
    public static Form.Field chainField(Chain chain) {
        return required("chain", new Form.Exactly(chain.id(), "the chain"), "the chain: `" + chain.id() + "`");
    }
}
