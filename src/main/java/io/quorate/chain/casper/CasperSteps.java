package io.quorate.chain.casper;

import io.quorate.engine.ReasonCode;
import io.quorate.plan.ChainError;
import io.quorate.plan.ChainSteps;
import io.quorate.plan.DiffPlan;
import io.quorate.plan.Judge;
import io.quorate.plan.Operation;
import io.quorate.plan.PlanKeys;
import io.quorate.plan.Signed;
import io.quorate.plan.Step;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Casper key management (casper-types {@code account.rs}, {@code runtime_context}): a deploy passes
 * the deployment threshold, then each call needs key_management; the account's checks and their
 * error names are those of {@code AddKeyFailure}, {@code RemoveKeyFailure},
 * {@code UpdateKeyFailure} and {@code SetThresholdFailure}.
 */
public final class CasperSteps implements ChainSteps {

    static final int MAX_ASSOCIATED_KEYS = 100;
    static final String DEPLOY_REJECTED = "DeploymentAuthorizationFailure";
    static final String AUTHORIZATION_FAILURE = "AuthorizationFailure";

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public Map<String, List<Form.Field>> operations() {
        Form.Field key = Form.required("key", Form.text("a key name or a public key"), "the associated key");
        Form.Field weight = Form.required("weight", Form.whole(IntRange.U8), "the key's weight");
        Map<String, List<Form.Field>> f = new LinkedHashMap<>();
        f.put("add_associated_key", List.of(key, weight));
        f.put("update_associated_key", List.of(key, weight));
        f.put("remove_associated_key", List.of(key));
        f.put("set_action_threshold", List.of(
                Form.required("action", Form.text("`deployment`, `key_management` or `upgrade_management`"), "the action threshold"),
                Form.required("threshold", Form.whole(IntRange.U8), "its new weight")));
        return f;
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        CasperAccount casper = (CasperAccount) account;
        String context = "step " + step.label();
        if (step.op().equals("set_action_threshold")) {
            String action = x.string(x.required(step.node(), "action", context), context + ": `action`");
            Integer threshold = x.integerInt(x.required(step.node(), "threshold", context), context + ": `threshold`", IntRange.U8);
            if (action == null || threshold == null) return null;
            action = actionName(action);
            List<String> actions = casper.version() >= 2 ? List.of("deployment", "key_management", "upgrade_management")
                    : List.of("deployment", "key_management");
            if (!actions.contains(action)) {
                x.error(Expect.INVALID_VALUE, step.node().get("action").at(), context + ": `" + action + "` is not an action threshold of casper "
                        + casper.version() + ".x", "use one of " + String.join(", ", actions));
                return null;
            }
            return new Threshold(step, action, threshold);
        }
        YamlNode keyNode = x.required(step.node(), "key", context);
        KeyRef key = keyNode == null ? null : keys.resolve(x, Chain.CASPER, keyNode, context + ": `key`");
        Integer weight = null;
        if (!step.op().equals("remove_associated_key")) {
            weight = x.integerInt(x.required(step.node(), "weight", context), context + ": `weight`", IntRange.U8);
            if (weight == null) return null;
        }
        if (key == null) return null;
        return new KeyChange(step, key, weight);
    }

    @Override
    public void diff(Account was, Account now, DiffPlan plan) {
        CasperAccount a = (CasperAccount) was;
        CasperAccount b = (CasperAccount) now;
        Map<Object, KeyWeight> old = new LinkedHashMap<>();
        a.keys().forEach(k -> old.put(k.key().id(), k));
        Map<Object, KeyWeight> current = new LinkedHashMap<>();
        b.keys().forEach(k -> current.put(k.key().id(), k));
        current.forEach((id, k) -> {
            KeyWeight before = old.get(id);
            if (before == null) plan.step(b.name(), "add_associated_key").put("key", plan.text(k.key())).put("weight", k.weight());
            else if (before.weight() != k.weight()) plan.step(b.name(), "update_associated_key").put("key", plan.text(k.key())).put("weight", k.weight());
        });
        threshold(plan, b, "key_management", a.keyManagement(), b.keyManagement());
        threshold(plan, b, "deployment", a.deployment(), b.deployment());
        if (b.version() >= 2) threshold(plan, b, "upgrade_management", a.upgradeManagement(), b.upgradeManagement());
        old.forEach((id, k) -> {
            if (!current.containsKey(id)) plan.step(b.name(), "remove_associated_key").put("key", plan.text(k.key()));
        });
    }

    private static void threshold(DiffPlan plan, CasperAccount b, String action, int was, int now) {
        if (was != now) plan.step(b.name(), "set_action_threshold").put("action", action).put("threshold", now);
    }

    /** The action as casper-types spells its {@code ActionType} ({@code Deployment}, {@code KeyManagement}) or in snake case. */
    static String actionName(String written) {
        String snake = written.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return snake.equals("deploy") ? "deployment" : snake;
    }

    /** The deploy's gate, then key_management for the call, both on the state the deploy started from. */
    static ChainError gate(Step step, PolicySet before, Judge judge, String permissionDenied) {
        ChainError deploy = Signed.error(judge.decide(before, Signed.transaction(step, "deploy", null, null, null)),
                Map.of(ReasonCode.UNSATISFIED_AUTHORITY, DEPLOY_REJECTED, ReasonCode.UNKNOWN_SIGNER, AUTHORIZATION_FAILURE,
                        ReasonCode.NO_SIGNATURES, AUTHORIZATION_FAILURE));
        if (deploy != null) return deploy;
        return Signed.error(judge.decide(before, Signed.transaction(step, "key_management", null, null, null)),
                Map.of(ReasonCode.UNSATISFIED_AUTHORITY, permissionDenied, ReasonCode.UNKNOWN_SIGNER, AUTHORIZATION_FAILURE));
    }

    static CasperAccount account(PolicySet state, Step step) {
        return (CasperAccount) state.account(step.account());
    }

    /** Sum of the associated keys' weights, saturating at 255 as Casper's weights add. */
    static int total(List<KeyWeight> keys) {
        int sum = 0;
        for (KeyWeight k : keys) sum = Math.min(255, sum + k.weight());
        return sum;
    }

    static int weightOf(CasperAccount a, KeyRef key) {
        for (KeyWeight k : a.keys()) if (k.key().id().equals(key.id())) return k.weight();
        return -1;
    }

    /** add, update or remove one associated key (weight null: remove). */
    private record KeyChange(Step step, KeyRef key, Integer weight) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            return gate(step, before, judge, "PermissionDenied");
        }

        @Override
        public ChainError refusal(PolicySet before) {
            CasperAccount a = account(before, step);
            int current = weightOf(a, key);
            String who = "associated key `" + key.label() + "`";
            switch (step.op()) {
                case "add_associated_key" -> {
                    if (a.keys().size() >= MAX_ASSOCIATED_KEYS) {
                        return new ChainError("MaxKeysLimit", "the account already has " + MAX_ASSOCIATED_KEYS + " associated keys");
                    }
                    if (current >= 0) return new ChainError("DuplicateKey", who + " is already associated (weight " + current + ")");
                }
                case "remove_associated_key" -> {
                    if (current >= 0) {
                        ChainError e = violation(a, remaining(a, null), "removing " + who);
                        if (e != null) return e;
                    }
                    if (current < 0) return new ChainError("MissingKey", who + " is not associated with the account");
                }
                default -> {
                    if (current >= 0 && weight < current) {
                        ChainError e = violation(a, remaining(a, weight), "lowering " + who + " to " + weight);
                        if (e != null) return e;
                    }
                    if (current < 0) return new ChainError("MissingKey", who + " is not associated with the account");
                }
            }
            return null;
        }

        private List<KeyWeight> remaining(CasperAccount a, Integer newWeight) {
            List<KeyWeight> out = new ArrayList<>();
            for (KeyWeight k : a.keys()) {
                if (!k.key().id().equals(key.id())) out.add(k);
                else if (newWeight != null) out.add(new KeyWeight(k.key(), newWeight, k.at()));
            }
            return out;
        }

        private static ChainError violation(CasperAccount a, List<KeyWeight> keys, String what) {
            int total = total(keys);
            if (total < a.deployment() || total < a.keyManagement()) {
                return new ChainError("ThresholdViolation", what + " leaves total weight " + total + ", below deployment "
                        + a.deployment() + " or key management " + a.keyManagement());
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            CasperAccount a = account(before, step);
            List<KeyWeight> keys = new ArrayList<>();
            boolean found = false;
            for (KeyWeight k : a.keys()) {
                if (!k.key().id().equals(key.id())) keys.add(k);
                else if (weight != null) {
                    keys.add(new KeyWeight(k.key(), weight, step.at()));
                    found = true;
                }
            }
            if (!found && weight != null) keys.add(new KeyWeight(key, weight, step.at()));
            return new CasperAccount(a.name(), a.version(), keys, a.deployment(), a.keyManagement(), a.upgradeManagement(),
                    a.accountHash(), a.requirements(), a.at(), a.thresholdsAt());
        }

        @Override
        public List<String> touched() {
            return List.of("deployment", "key_management");
        }
    }

    private record Threshold(Step step, String action, int threshold) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            return gate(step, before, judge, "PermissionDenied");
        }

        @Override
        public ChainError refusal(PolicySet before) {
            CasperAccount a = account(before, step);
            int total = total(a.keys());
            if (threshold > total) {
                return new ChainError("InsufficientTotalWeight", action + " threshold " + threshold + " exceeds the associated keys' total weight " + total);
            }
            if (action.equals("deployment") && threshold > a.keyManagement()) {
                return new ChainError("DeploymentThreshold", "deployment threshold " + threshold + " would exceed key management threshold "
                        + a.keyManagement() + ": raise key_management first");
            }
            if (action.equals("key_management") && threshold < a.deployment()) {
                return new ChainError("KeyManagementThreshold", "key management threshold " + threshold + " would fall below deployment threshold "
                        + a.deployment() + ": lower deployment first");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            CasperAccount a = account(before, step);
            return new CasperAccount(a.name(), a.version(), a.keys(),
                    action.equals("deployment") ? threshold : a.deployment(),
                    action.equals("key_management") ? threshold : a.keyManagement(),
                    action.equals("upgrade_management") ? threshold : a.upgradeManagement(),
                    a.accountHash(), a.requirements(), a.at(), a.thresholdsAt());
        }

        @Override
        public List<String> touched() {
            return List.of(action);
        }
    }
}
