package io.quorate.plan;

import static io.quorate.yaml.Form.anyOf;
import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.oneOf;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;

import io.quorate.policy.PolicyForm;
import io.quorate.transaction.TransactionForm;
import io.quorate.yaml.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a change plan, as {@link PlanLoader} checks them and {@code quorate schema plan}
 * renders them. Each operation's own fields come from its chain's {@link ChainSteps#operations()}.
 */
public final class PlanForm {

    static final Form.Obj ACTOR_PERMISSION = obj("a declared authorization",
            required("actor", text("an account"), "the account"),
            required("permission", text("a permission"), "its permission"));

    private static final Form AUTHORIZATION_ONE = anyOf(text("`account@permission`"), ACTOR_PERMISSION);
    private static final Form.Named AUTHORIZATION = named("authorization", anyOf(AUTHORIZATION_ONE, listOf(AUTHORIZATION_ONE)));

    /** The fields every step may carry, beside its operation's own. */
    static final Form.Obj COMMON = obj("a step",
            required("op", text("an operation"), "the chain operation"),
            optional("id", text("a name for the step"), "a name for the step, unique in the plan"),
            optional("account", text("an account of the policy"), "the account the step changes (default: the plan's `account`)"),
            optional("signatures", listOf(text("a key name or a public key")), "the keys that will sign the step"),
            optional("context", named("context", TransactionForm.CONTEXT), "the chain's state when the step runs"),
            optional("deploy", text("a deploy name"), "casper: steps with one deploy name run in one deploy"),
            optional("authorization", AUTHORIZATION, "eos: the declared authorization"),
            optional("auth_descriptor", text("a descriptor's name or id"), "ft4: the descriptor that authenticates the step"));

    static final Form.Obj EXPECTED = obj("what the plan should come to",
            optional("verdict", oneOf("the summary verdict", "safe", "unsafe", "rejected"), "`safe`, `unsafe` or `rejected`"),
            optional("step", text("a step"), "the step the outcome concerns"),
            optional("error", text("a chain error name"), "the chain's error name"),
            optional("finding", text("a lint check id"), "the lint finding"));

    /** The top-level fields. */
    static final Form.Obj TOP = obj("a quorate change plan",
            required("quorate", new Form.Exactly(1, "the format version"), "the format version: 1"),
            optional("keys", PolicyForm.KEYS, "names for keys the steps introduce (merged with the policy's)"),
            optional("account", text("an account of the policy"), "the default account of the steps"),
            optional("policy", text("a path"), "the policy file or directory the plan changes, relative to the plan"),
            required("steps", listOf(Form.anyOf()), "the steps, applied in order"),
            optional("expect", EXPECTED, "what the plan should come to (`quorate test`)"));

    private PlanForm() {
    }

    /** A step: the fields every step may carry and its operation's own, selected by {@code op}. */
    public static Form.Named step() {
        List<Form.Variant> variants = new ArrayList<>();
        for (ChainSteps chain : ChainStepsRegistry.all()) {
            chain.operations().forEach((op, own) -> {
                List<Form.Field> fields = new ArrayList<>();
                fields.add(required("op", new Form.Exactly(op, chain.chain().id() + " operation"), "`" + op + "` (" + chain.chain().id() + ")"));
                fields.addAll(COMMON.fields().subList(1, COMMON.fields().size()));
                fields.addAll(own);
                variants.add(new Form.Variant(op, obj("`" + op + "` (" + chain.chain().id() + ")", fields)));
            });
        }
        return named("step", new Form.Tagged("op", variants, "a step; its `op` says which fields it has"));
    }

    /** The whole plan file. */
    public static Form.Obj document() {
        return withSteps(TOP);
    }

    /** A plan written inside another file: the format version may be left out. */
    public static Form.Obj inline() {
        Form.Obj plan = withSteps(TOP);
        List<Form.Field> fields = new ArrayList<>(plan.fields());
        fields.set(0, optional("quorate", fields.get(0).form(), fields.get(0).description()));
        return new Form.Obj(fields, List.of(), "a change plan");
    }

    private static Form.Obj withSteps(Form.Obj top) {
        Form.Named step = step();
        return new Form.Obj(top.fields().stream()
                .map(f -> f.name().equals("steps") ? required("steps", listOf(step), f.description()) : f)
                .toList(), List.of(), top.description());
    }
}
