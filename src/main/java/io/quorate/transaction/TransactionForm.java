package io.quorate.transaction;

import static io.quorate.yaml.Form.anyOf;
import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.oneOf;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;
import static io.quorate.yaml.Form.whole;

import io.quorate.signatures.NativeTransaction;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a candidate transaction and of a transaction file, as {@link TransactionLoader}
 * checks them and {@code quorate schema transaction} renders them. The chains' own signed
 * transactions ({@code hive_transaction}, {@code casper_deploy}) come from the registered
 * {@link NativeTransaction}s.
 */
public final class TransactionForm {

    static final IntRange DELAY = IntRange.U32.as("delays are u32 seconds");

    /** {@code context:} of a transaction and of a plan step. */
    public static final Form.Obj CONTEXT = obj("the chain's state when the transaction runs",
            optional("time", new Form.Moment("the time the transaction runs"), "the time the transaction runs (validity windows)"),
            optional("block_height", whole(IntRange.NON_NEGATIVE), "the block height (ft4 rules)"),
            optional("block_time", whole(IntRange.NON_NEGATIVE), "the block time in milliseconds (ft4 rules)"),
            optional("op_count", whole(IntRange.NON_NEGATIVE), "the descriptor's operation count (ft4 rules)"),
            optional("delay_sec", whole(DELAY), "the transaction's delay in seconds (eos waits)"),
            optional("spent", Form.mapOf(anyOf(text("an amount, like `45000.0000 EOS`"), listOf(text("an amount, like `45000.0000 EOS`"))),
                    "amounts already spent, by period (`24h`, `7d`)"), "what the account already spent per period (organisation conditions)"));

    /** What an action does, as its chain names it (organisation conditions read it). */
    static final Form.Obj DATA = obj("what the action does, as the chain names it",
            optional("from", text("an account"), "who pays"),
            optional("to", text("an account"), "who receives (eos, hive, ft4)"),
            optional("target", text("an account"), "who receives (casper)"),
            optional("quantity", text("an amount, like `12000.0000 EOS`"), "eos: the amount with its asset"),
            optional("amount", text("an amount"), "hive: `5.000 HIVE`; casper: motes; ft4: a decimal, its asset in `asset`"),
            optional("asset", text("an asset"), "ft4: the asset of `amount`"),
            optional("memo", text("a memo"), "the memo"));

    static final Form.Obj FLAGS = obj("an ft4 action that needs flags",
            required("flags", listOf(text("a flag")), "the flags the action needs"));

    static final Form.Text ACTION_NAME = text("the action: `contract::action` (eos), an operation or role (hive), "
            + "`deploy`, `key_management` or `upgrade_management` (casper), an action (ft4, generic)");

    static final Form.Obj ACTION = obj("one action of the transaction",
            required("account", text("the account"), "the account whose authority the action needs"),
            required("action", anyOf(ACTION_NAME, FLAGS), "what the action does, or the flags it needs"),
            optional("data", DATA, "what the action does, as its chain names it"),
            optional("authorization", anyOf(text("`account@permission`"), listOf(text("`account@permission`"))),
                    "eos: the declared permission (or several)"));

    static final Form.Obj SIGNATURE = obj("a signature and the key that made it",
            required("signer", text("a key name or a public key"), "the key that signed"),
            required("signature", text("the signature"), "the signature, in the chain's format"));

    /** {@code expect:} of an example transaction. */
    static final Form.Obj EXPECTED = obj("the decision the transaction should get",
            required("decision", oneOf("the decision", "allow", "deny"), "`allow` or `deny`"),
            optional("reasons", listOf(text("a reason code")), "reason codes the decision must give"));

    private TransactionForm() {
    }

    /** A candidate transaction: what {@link TransactionLoader} reads as one transaction. */
    public static Form.Obj transaction() {
        return Holder.TRANSACTION;
    }

    /** A transaction file: one transaction, a list of them, or {@code {transactions: [...]}}. */
    public static Form document() {
        Form.Named one = named("transaction", transaction());
        return anyOf(one, listOf(one), file(one));
    }

    /** {@code {transactions: [...]}}. */
    static Form.Obj file(Form one) {
        return obj("a transaction file", required("transactions", listOf(one), "the transactions"));
    }

    /** Built on first use: the native transactions are services. */
    private static final class Holder {
        static final Form.Obj TRANSACTION = declare();

        private static Form.Obj declare() {
            List<Form.Field> fields = new ArrayList<>(List.of(
                    optional("id", text("a name for the transaction"), "a name for the transaction, unique in the file"),
                    optional("account", text("the account"), "the account whose authority the action needs"),
                    optional("action", anyOf(ACTION_NAME, FLAGS), "what the action does, or the flags it needs"),
                    optional("authorization", anyOf(text("`account@permission`"), listOf(text("`account@permission`"))),
                            "eos: the declared permission (or several)"),
                    optional("auth_descriptor", text("a descriptor's name or id"), "ft4: the descriptor used"),
                    optional("signatures", listOf(anyOf(text("a key name, a public key or a signature"), SIGNATURE)),
                            "the keys that signed, or with `digest` the signatures"),
                    optional("approvals", listOf(Form.matching("^[^@]+@[^@]+$", "`actor@permission`")),
                            "eos: permissions already satisfied (msig approvals)"),
                    optional("context", named("context", CONTEXT), "the chain's state when the transaction runs"),
                    optional("data", DATA, "what the action does, as its chain names it"),
                    optional("approved_by", listOf(text("a key name or a public key")), "approvals given off chain (organisation conditions)"),
                    optional("actions", Form.nonEmptyListOf(ACTION), "several actions in one transaction"),
                    optional("expect", anyOf(oneOf("the decision", "allow", "deny"), EXPECTED), "the decision the transaction should get"),
                    optional("digest", Form.matching("^(0x)?[0-9a-fA-F]{64}$", "64 hex digits"), "the SHA-256 the signers signed, in hex")));
            List<List<String>> names = new ArrayList<>(List.of(List.of("actions"), List.of("account", "action")));
            for (NativeTransaction n : NativeTransaction.all().values()) {
                fields.add(optional(n.field(), new Form.Anything("object", n.help()), "the chain's own signed transaction"));
                for (String companion : n.companionFields()) {
                    fields.add(optional(companion, text(), "belongs to `" + n.field() + "`"));
                }
                names.add(List.of(n.field()));
            }
            return new Form.Obj(fields, names, "a candidate transaction");
        }
    }
}
