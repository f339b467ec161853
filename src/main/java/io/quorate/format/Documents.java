package io.quorate.format;

import io.quorate.policy.conditions.ConditionsForm;
import io.quorate.signatures.NativeTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical field order of every file the formatter rewrites, as the formats page writes them
 * (docs/fmt.md lists it). Each chain adds its account fields through {@link ChainFormat}.
 */
final class Documents {

    private Documents() {
    }

    static final Shape.Fields KEY_ENTRY = Shape.Fields.of("key", "holder").with("key", Shape.KEY).orScalar(Shape.KEY);
    static final Shape KEYS = new Shape.MapOf(KEY_ENTRY);
    static final Shape.Fields CONTEXT = Shape.Fields.of("time", "block_height", "block_time", "op_count", "delay_sec", "spent");
    static final Shape.Fields DECISION_EXPECT = Shape.Fields.of("decision", "reasons", "satisfied_by", "used_keys", "unused_keys",
            "missing", "conditions");

    // the conditions' fields in the order their declaration (ConditionsForm) gives them, which is the formats page's

    /** A requirement: its kind's fields; {@code all} and {@code any} hold requirements. */
    static final Shape.Fields REQUIREMENT = fields(ConditionsForm.REQUIREMENT_KINDS.stream()
            .flatMap(kind -> ConditionsForm.requirement(kind).names().stream()).distinct().toList())
            .with("key", Shape.KEY)
            .with("all", new Shape.ListOf(new Shape.Requirement(), null))
            .with("any", new Shape.ListOf(new Shape.Requirement(), null));
    static final Shape.Fields WINDOW = fields(ConditionsForm.WINDOW.names());
    static final Shape.Fields WHEN = fields(ConditionsForm.WHEN.names())
            .with("amount", fields(ConditionsForm.AMOUNT.names()))
            .with("to", fields(ConditionsForm.MEMBERSHIP_FIELDS.names()))
            .with("from", fields(ConditionsForm.MEMBERSHIP_FIELDS.names()))
            .with("memo", fields(ConditionsForm.MEMO.names()))
            .with("time", fields(ConditionsForm.TIME_FIELDS.names()).with("within", WINDOW).with("outside", WINDOW))
            .with("spent", fields(ConditionsForm.SPENT.names()));
    /** A set of conditions; its rules keep their order (under first-match the order decides). */
    static final Shape.Fields CONDITIONS = fields(ConditionsForm.SET.names())
            .with("rules", new Shape.ListOf(fields(ConditionsForm.RULE_FIELDS.names()).with("when", WHEN).with("require", new Shape.Requirement()), null));

    /** Fields every account has before its chain's own, and after them. */
    static final List<String> ACCOUNT_FIRST = List.of("chain", "options");
    static final List<String> ACCOUNT_LAST = List.of("conditions", "suppress");

    static final Shape.Fields TRANSACTION = transaction();
    static final Shape TRANSACTION_LIST = new Shape.ListOf(TRANSACTION, null);
    static final Shape.Fields TRANSACTION_FILE = Shape.Fields.of("transactions").with("transactions", TRANSACTION_LIST);

    static final Shape.Fields PLAN = Shape.Fields.of("quorate", "policy", "keys", "account", "steps", "expect")
            .with("keys", KEYS)
            .with("steps", new Shape.ListOf(new Shape.Step(), null))
            .with("expect", Shape.Fields.of("verdict", "steps", "step", "error", "finding"));
    static final List<String> STEP_FIRST = List.of("id", "op", "account");
    static final List<String> STEP_LAST = List.of("authorization", "auth_descriptor", "signatures", "deploy", "context", "expect");

    static final Shape.Fields TEST_EXPECT = Shape.Fields.of("decision", "verdict", "reasons", "satisfied_by", "used_keys",
            "unused_keys", "missing", "steps");
    static final Shape TESTS = new Shape.ListOf(Shape.Fields.of("name", "transaction", "each", "subsets", "lint", "plan", "expect")
            .with("transaction", TRANSACTION)
            .with("each", TRANSACTION_LIST)
            .with("subsets", Shape.Fields.of("of", "size").with("of", new Shape.ListOf(Shape.KEY, null))
                    .with("size", new Shape.MapOf(TEST_EXPECT)))
            .with("lint", Shape.Fields.of("account", "authority", "has", "lacks", "clean"))
            .with("plan", PLAN)
            .with("expect", TEST_EXPECT), null);
    static final Shape.Fields TEST_FILE = Shape.Fields.of("quorate", "policy", "keys", "tests").with("keys", KEYS).with("tests", TESTS);

    /** Groups and lists keep the author's order, of their names and of their entries. */
    static final Shape.Fields POLICY = Shape.Fields.of("quorate", "keys", "requirements", "assets", "groups", "lists", "conditions",
                    "accounts", "tests")
            .with("keys", KEYS)
            .with("requirements", Shape.Fields.of("min_signers", "survive_key_loss", "distinct_holders"))
            .with("groups", new Shape.MapOf(new Shape.ListOf(Shape.KEY, null)))
            .with("lists", new Shape.MapOf(fields(ConditionsForm.LIST_FILE.names())))
            .with("conditions", new Shape.MapOf(CONDITIONS))
            .with("accounts", new Shape.MapOf(new Shape.Account()))
            .with("tests", TESTS);

    private static Shape.Fields fields(List<String> order) {
        return new Shape.Fields(order, java.util.Map.of(), null);
    }

    private static Shape.Fields transaction() {
        List<String> order = new ArrayList<>(List.of("id", "account", "action", "authorization", "auth_descriptor", "actions", "data",
                "digest", "signatures", "approvals", "approved_by", "context"));
        List<String> natives = new ArrayList<>();
        for (NativeTransaction n : NativeTransaction.all().values()) {
            natives.add(n.field());
            order.add(n.field());
            order.addAll(n.companionFields());
        }
        order.add("expect");
        Shape.Fields t = new Shape.Fields(order, java.util.Map.of(), null)
                .with("actions", new Shape.ListOf(Shape.Fields.of("account", "action", "authorization", "auth_descriptor", "data"), null))
                .with("signatures", new Shape.ListOf(Shape.Fields.of("signer", "signature").with("signer", Shape.KEY).orScalar(Shape.KEY), null))
                .with("approved_by", new Shape.ListOf(Shape.KEY, null))
                .with("context", CONTEXT)
                .with("expect", DECISION_EXPECT);
        for (String n : natives) t = t.with(n, new Shape.Verbatim());
        return t;
    }

    static Shape of(FileKind kind, Tree.Node root) {
        return switch (kind) {
            case POLICY -> POLICY;
            case PLAN -> PLAN;
            case TESTS -> TEST_FILE;
            case TRANSACTIONS -> root instanceof Tree.Sequence ? TRANSACTION_LIST
                    : root instanceof Tree.Mapping m && m.entry("transactions") != null ? TRANSACTION_FILE : TRANSACTION;
        };
    }
}
