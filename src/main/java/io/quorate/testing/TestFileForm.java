package io.quorate.testing;

import static io.quorate.yaml.Form.anyOf;
import static io.quorate.yaml.Form.flag;
import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.nonEmptyListOf;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.oneOf;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;

import io.quorate.plan.PlanForm;
import io.quorate.policy.PolicyForm;
import io.quorate.transaction.TransactionForm;
import io.quorate.yaml.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a policy test file ({@code *_test.yaml}): the declaration a test file's reader
 * checks known and required fields against, and that {@code quorate schema test} renders. A case
 * is exactly one of a transaction case (with {@code expect}, {@code each} or {@code subsets}), a
 * {@code lint} case or a {@code plan} case.
 */
public final class TestFileForm {

    private static final Form.Text DECISION = oneOf("the decision", "allow", "deny");
    private static final Form.Text KEY_NAMES = text("a key name or a public key");

    /** What a transaction case expects; only the fields given are compared. */
    public static final Form.Obj EXPECTED = obj("what the decision should be; only the fields given are compared",
            optional("decision", DECISION, "`allow` or `deny`"),
            optional("reasons", listOf(text("a reason code")), "reason codes that must all be present"),
            optional("satisfied_by", anyOf(text("`account@authority`"), new Form.Nothing()), "the authority that allowed it (null for a denial)"),
            optional("used_keys", listOf(KEY_NAMES), "the keys that counted, compared as a set"),
            optional("unused_keys", listOf(KEY_NAMES), "the keys that signed but did not count, compared as a set"),
            optional("missing", listOf(listOf(KEY_NAMES)), "the key sets that would complete it, compared as a set of sets"));

    /** {@code expect: allow} is short for {@code expect: {decision: allow}}. */
    public static final Form.Named EXPECTATION = named("expectation", anyOf(DECISION, EXPECTED));

    public static final Form.Obj SUBSETS = obj("every subset of `of`, judged by its size",
            required("of", nonEmptyListOf(KEY_NAMES), "the keys whose subsets are tried"),
            required("size", new Form.MapOf(EXPECTATION, "^[0-9]+$", "subset sizes to the outcome expected"),
                    "the outcome expected for each size; sizes not listed are not run"));

    public static final Form.Obj LINT = obj("lint expectations about an account",
            required("account", text("an account of the policy"), "the account"),
            optional("authority", text("an authority of the account"), "one authority of the account"),
            optional("lacks", listOf(text("a lint check id")), "checks that must not find anything"),
            optional("has", listOf(text("a lint check id")), "checks that must find something"),
            optional("clean", flag("no finding at all"), "`true`: no check finds anything"))
            .requiringOneOf(List.of(List.of("lacks"), List.of("has"), List.of("clean")));

    public static final Form.Obj PLAN_EXPECTED = obj("what the plan should come to",
            optional("verdict", oneOf("the summary verdict", "safe", "unsafe", "rejected"), "`safe`, `unsafe` or `rejected`"),
            optional("steps", listOf(obj("one step's outcome",
                    optional("verdict", oneOf("the step's verdict", "ok", "unsafe", "rejected"), "`ok`, `unsafe` or `rejected`"))),
                    "each step's outcome, in order"));

    private static final Form.Field NAME = required("name", text("the case's name"), "the case's name, unique in the file");

    private TestFileForm() {
    }

    /** The transaction a case decides: a candidate transaction; its expectation is the case's. */
    public static Form.Obj candidate() {
        return without(TransactionForm.transaction(), "expect");
    }

    /** A row of {@code each}: any of the transaction's fields, overriding the template's, and its expectation. */
    public static Form.Obj row() {
        return without(TransactionForm.transaction(), "expect").optional()
                .plus(optional("expect", EXPECTATION, "what this row's decision should be"));
    }

    /** One case: exactly one of its kinds. */
    public static Form.Named testCase() {
        Form.Named candidate = named("candidate-transaction", candidate());
        Form.Named template = named("transaction-template", without(TransactionForm.transaction(), "expect").optional());
        return named("case", anyOf(
                obj("a transaction and the decision it should get", NAME,
                        required("transaction", candidate, "the transaction to decide"),
                        optional("expect", EXPECTATION, "the decision it should get (`quorate test --update` writes it)")),
                obj("a template transaction and rows that complete it", NAME,
                        required("transaction", template, "the template; each row's fields override it"),
                        required("each", nonEmptyListOf(named("row", row())), "the rows")),
                obj("a template transaction and every subset of some keys", NAME,
                        required("transaction", template, "the template; each subset signs it"),
                        required("subsets", SUBSETS, "the keys and the outcome by subset size")),
                obj("lint expectations about an account", NAME, required("lint", LINT, "the account and what its lint findings should be")),
                obj("a change plan and what it should come to", NAME,
                        required("plan", anyOf(text("a plan file, relative to this file"), named("inline-plan", PlanForm.inline())),
                                "a plan file (relative to this file) or an inline plan"),
                        optional("expect", PLAN_EXPECTED, "what the plan should come to (`quorate test --update` writes it)"))));
    }

    /** The whole test file. */
    public static Form.Obj document() {
        return obj("a quorate policy test file",
                required("quorate", new Form.Exactly(1, "the format version"), "the format version: 1"),
                optional("policy", anyOf(text("a path"), listOf(text("a path"))),
                        "the policy file or directory under test, relative to this file (default: this file's name without `_test`)"),
                optional("keys", PolicyForm.KEYS, "extra key names for the cases (merged with the policy's)"),
                required("tests", listOf(testCase()), "the cases"));
    }

    private static Form.Obj without(Form.Obj form, String field) {
        List<Form.Field> fields = new ArrayList<>(form.fields());
        fields.removeIf(f -> f.name().equals(field));
        return new Form.Obj(fields, form.oneRequired(), form.description());
    }
}
