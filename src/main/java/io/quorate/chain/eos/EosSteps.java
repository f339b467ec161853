package io.quorate.chain.eos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.engine.ReasonCode;
import io.quorate.plan.ChainError;
import io.quorate.plan.ChainSteps;
import io.quorate.plan.DiffPlan;
import io.quorate.plan.Judge;
import io.quorate.plan.Operation;
import io.quorate.plan.PlanAuthorities;
import io.quorate.plan.PlanKeys;
import io.quorate.plan.Signed;
import io.quorate.plan.Step;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.policy.WaitWeight;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Antelope's native permission actions ({@code eosio_contract.cpp} apply_eosio_updateauth,
 * deleteauth, linkauth, unlinkauth; {@code authorization_manager.cpp} check_*_authorization):
 * one declared authorization whose actor is the account, a declared permission that satisfies the
 * one the action concerns, and the exception class the chain throws when it refuses.
 */
public final class EosSteps implements ChainSteps {

    /** A permission takes waits; weights are uint16; an entry names {@code account@permission}. */
    static final PlanAuthorities.Form AUTHORITY = new PlanAuthorities.Form(Chain.EOS, List.of("waits"), IntRange.U16, "permission", "permission");
    static final String VALIDATE = "action_validate_exception";
    static final String QUERY = "permission_query_exception";
    static final String IRRELEVANT_AUTH = "irrelevant_auth";
    static final long MAX_DELAY_SEC = 3_888_000;
    static final Set<String> NATIVE = Set.of("updateauth", "deleteauth", "linkauth", "unlinkauth", "canceldelay");
    static final String ANY = "eosio.any";

    private static final Map<String, String> SIGNATURE_ERRORS = Map.of(
            ReasonCode.UNSATISFIED_AUTHORITY, "unsatisfied_authorization",
            ReasonCode.IRRELEVANT_SIGNATURE, "tx_irrelevant_sig",
            ReasonCode.DUPLICATE_SIGNATURE, "tx_duplicate_sig",
            ReasonCode.IRRELEVANT_AUTHORIZATION, IRRELEVANT_AUTH);

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public Map<String, List<Form.Field>> operations() {
        Form.Field permission = Form.required("permission", Form.text("a permission name"), "the permission");
        Form.Field code = Form.required("code", Form.text("a contract"), "the contract");
        Form.Field type = Form.required("type", Form.text("an action name, or `*`"), "the action (`*` or empty: any)");
        Map<String, List<Form.Field>> f = new LinkedHashMap<>();
        f.put("updateauth", List.of(permission,
                Form.optional("parent", Form.text("a permission name, or empty for owner"), "the permission above it"),
                Form.required("auth", Form.named("eos-step-authority", AUTHORITY.fields()), "the permission's new authority")));
        f.put("deleteauth", List.of(permission));
        f.put("linkauth", List.of(code, type, Form.required("requirement", Form.text("a permission name"), "the permission the action will need")));
        f.put("unlinkauth", List.of(code, type));
        return f;
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        String context = "step " + step.label();
        switch (step.op()) {
            case "updateauth" -> {
                String permission = x.string(x.required(step.node(), "permission", context), context + ": `permission`");
                YamlNode parentNode = step.node().get("parent");
                String parent = parentNode == null ? null : x.string(parentNode, context + ": `parent`");
                YamlNode authNode = x.required(step.node(), "auth", context);
                if (permission == null || authNode == null) return null;
                Authority auth = PlanAuthorities.read(x, keys, AUTHORITY, authNode, permission, parent, context + ": `auth`");
                return auth == null ? null : new UpdateAuth(step, permission, parent, auth);
            }
            case "deleteauth" -> {
                String permission = x.string(x.required(step.node(), "permission", context), context + ": `permission`");
                return permission == null ? null : new DeleteAuth(step, permission);
            }
            default -> {
                String code = x.string(x.required(step.node(), "code", context), context + ": `code`");
                String type = x.string(x.required(step.node(), "type", context), context + ": `type`");
                String requirement = null;
                if (step.op().equals("linkauth")) {
                    requirement = x.string(x.required(step.node(), "requirement", context), context + ": `requirement`");
                    if (requirement == null) return null;
                }
                if (code == null || type == null) return null;
                return new Link(step, code, type.isEmpty() ? "*" : type, requirement);
            }
        }
    }

    /**
     * Each permission gets a link from its probe action, so that any permission can be asked
     * about by name, not only those the account links.
     */
    @Override
    public Account withProbes(Account account) {
        EosAccount eos = (EosAccount) account;
        Map<String, String> links = new LinkedHashMap<>(eos.links());
        eos.permissions().keySet().forEach(p -> links.put(probe(p), p));
        return new EosAccount(eos.name(), eos.maxAuthorityDepth(), eos.permissions(), links, eos.requirements(), eos.at());
    }

    /** The action that needs exactly {@code permission}. */
    static String probe(String permission) {
        return Judge.PROBE + "::" + permission;
    }

    @Override
    public void diff(Account was, Account now, DiffPlan plan) {
        EosAccount a = (EosAccount) was;
        EosAccount b = (EosAccount) now;
        for (Authority p : DiffPlan.byDepth(b.permissions(), false)) {
            Authority before = a.permissions().get(p.name());
            if (before != null && DiffPlan.shape(before).equals(DiffPlan.shape(p)) && Objects.equals(before.parent(), p.parent())) continue;
            ObjectNode s = plan.step(b.name(), "updateauth").put("permission", p.name()).put("parent", p.parent() == null ? "" : p.parent());
            s.set("auth", plan.authority(p, "permission"));
        }
        b.links().forEach((action, permission) -> {
            if (permission.equals(a.links().get(action))) return;
            int sep = action.indexOf("::");
            plan.step(b.name(), "linkauth").put("code", action.substring(0, sep)).put("type", action.substring(sep + 2)).put("requirement", permission);
        });
        a.links().forEach((action, permission) -> {
            if (b.links().containsKey(action)) return;
            int sep = action.indexOf("::");
            plan.step(b.name(), "unlinkauth").put("code", action.substring(0, sep)).put("type", action.substring(sep + 2));
        });
        for (Authority p : DiffPlan.byDepth(a.permissions(), true)) {
            if (!b.permissions().containsKey(p.name())) plan.step(b.name(), "deleteauth").put("permission", p.name());
        }
    }

    static EosAccount account(PolicySet state, Step step) {
        return (EosAccount) state.account(step.account());
    }

    /**
     * The declared authorization checked as the chain does: the actor is the account, the
     * permission exists and is {@code minimum} or one of its ancestors, and the signatures satisfy
     * it. A null minimum ({@code eosio.any}) accepts any permission of the account.
     */
    static ChainError authorize(Step step, PolicySet before, Judge judge, String minimum) {
        EosAccount a = account(before, step);
        String declared = step.authorization() != null ? step.authorization() : a.name() + "@" + (minimum == null ? "active" : minimum);
        if (declared.contains(",")) {
            return new ChainError(IRRELEVANT_AUTH, "`" + step.op() + "` takes exactly one declared authorization, this step declares `" + declared + "`");
        }
        int at = declared.indexOf('@');
        String actor = at < 0 ? declared : declared.substring(0, at);
        String permission = at < 0 ? "active" : declared.substring(at + 1);
        if (!actor.equals(a.name())) {
            return new ChainError(IRRELEVANT_AUTH, "the declared authorization `" + declared + "` is not of the account changed, `" + a.name() + "`");
        }
        if (!a.permissions().containsKey(permission)) {
            return new ChainError(QUERY, "the declared permission `" + declared + "` does not exist");
        }
        if (minimum != null && !satisfies(a, permission, minimum)) {
            return new ChainError(IRRELEVANT_AUTH, "`" + declared + "` does not satisfy `" + a.name() + "@" + minimum
                    + "`: declare that permission or one of its ancestors");
        }
        return Signed.error(judge.decide(before, Signed.transaction(step, probe(permission), null, declared, null)), SIGNATURE_ERRORS);
    }

    /** True when {@code declared} is {@code target} or one of its ancestors. */
    static boolean satisfies(EosAccount a, String declared, String target) {
        Set<String> seen = new HashSet<>();
        for (String p = target; p != null && seen.add(p); ) {
            if (p.equals(declared)) return true;
            Authority auth = a.permissions().get(p);
            p = auth == null ? null : auth.parent();
        }
        return false;
    }

    /** What an action needs today: its link, else the contract's, else active; null for eosio.any. */
    static String required(EosAccount a, String code, String type) {
        String linked = a.links().get(code + "::" + type);
        if (linked == null) linked = a.links().get(code + "::*");
        if (linked == null) return "active";
        return linked.equals(ANY) ? null : linked;
    }

    private static EosAccount with(EosAccount a, Map<String, Authority> permissions, Map<String, String> links) {
        return new EosAccount(a.name(), a.maxAuthorityDepth(), permissions, links, a.requirements(), a.at());
    }

    private record UpdateAuth(Step step, String permission, String parent, Authority auth) implements Operation {

        private String parentIn(EosAccount a) {
            if (parent != null) return parent.isEmpty() ? null : parent;
            Authority old = a.permissions().get(permission);
            return old != null ? old.parent() : permission.equals("active") ? "owner" : null;
        }

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            EosAccount a = account(before, step);
            String target = a.permissions().containsKey(permission) ? permission : parentIn(a);
            if (target == null) target = "owner";
            if (!a.permissions().containsKey(target)) {
                return new ChainError(QUERY, "parent permission `" + a.name() + "@" + target + "` does not exist");
            }
            return EosSteps.authorize(step, before, judge, target);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            EosAccount a = account(before, step);
            String p = parentIn(a);
            if (permission.startsWith("eosio.")) return new ChainError(VALIDATE, "permission names beginning with `eosio.` are reserved");
            if (permission.equals(p)) return new ChainError(VALIDATE, "`" + permission + "` cannot be its own parent");
            String invalid = invalid(auth);
            if (invalid != null) return new ChainError(VALIDATE, "invalid authority: " + invalid);
            for (AccountWeight w : auth.accounts()) {
                // The policy set is the world a plan is checked in: an account it does not declare does not exist.
                if (before.account(w.account()) == null) return new ChainError(VALIDATE, "account `" + w.account() + "` does not exist");
            }
            if (permission.equals("active") && !"owner".equals(p)) return new ChainError(VALIDATE, "the parent of `active` must be `owner`");
            if (permission.equals("owner") && p != null) return new ChainError(VALIDATE, "`owner` has no parent");
            if (!permission.equals("owner")) {
                if (p == null) return new ChainError(VALIDATE, "a new permission needs a `parent`");
                if (!a.permissions().containsKey(p)) return new ChainError(QUERY, "parent permission `" + a.name() + "@" + p + "` does not exist");
            }
            Authority old = a.permissions().get(permission);
            if (old != null && !Objects.equals(old.parent(), p)) {
                return new ChainError(VALIDATE, "the parent of `" + permission + "` is `" + old.parent() + "`: changing a parent is not supported");
            }
            return null;
        }

        /** Antelope's validate(authority): what the chain refuses in the authority itself, or null. */
        static String invalid(Authority auth) {
            if (auth.threshold() == 0) return "threshold 0";
            if (auth.keys().size() + auth.accounts().size() + auth.waits().size() > (1 << 16)) return "more than 65,536 entries";
            Set<Object> seen = new HashSet<>();
            for (KeyWeight k : auth.keys()) if (!seen.add(k.key().id())) return "key `" + k.key().label() + "` is listed twice";
            for (AccountWeight w : auth.accounts()) if (!seen.add(w.label())) return "`" + w.label() + "` is listed twice";
            long last = -1;
            for (WaitWeight w : auth.waits()) {
                if (w.seconds() == 0) return "a wait of 0 seconds";
                if (!seen.add("wait " + w.seconds())) return "a wait of " + w.seconds() + " seconds is listed twice";
                if (w.seconds() > MAX_DELAY_SEC) return "a wait of " + w.seconds() + " seconds exceeds the 45-day maximum delay";
                last = Math.max(last, w.seconds());
            }
            if (auth.totalWeight() < auth.threshold()) return "weights sum to " + auth.totalWeight() + ", below threshold " + auth.threshold();
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            EosAccount a = account(before, step);
            Map<String, Authority> permissions = new LinkedHashMap<>(a.permissions());
            permissions.put(permission, new Authority(permission, auth.threshold(), auth.keys(), auth.accounts(), auth.waits(),
                    parentIn(a), null, step.at()));
            return with(a, permissions, a.links());
        }

        @Override
        public List<String> touched() {
            return List.of(permission);
        }
    }

    private record DeleteAuth(Step step, String permission) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            EosAccount a = account(before, step);
            if (!a.permissions().containsKey(permission)) return new ChainError(QUERY, "permission `" + a.name() + "@" + permission + "` does not exist");
            return EosSteps.authorize(step, before, judge, permission);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            EosAccount a = account(before, step);
            if (permission.equals("owner") || permission.equals("active")) return new ChainError(VALIDATE, "`" + permission + "` cannot be deleted");
            if (!a.permissions().containsKey(permission)) return new ChainError(QUERY, "permission `" + a.name() + "@" + permission + "` does not exist");
            for (Map.Entry<String, String> link : a.links().entrySet()) {
                if (link.getValue().equals(permission)) {
                    return new ChainError(VALIDATE, "`" + permission + "` is linked to `" + link.getKey() + "`: unlink it first");
                }
            }
            for (Authority p : a.permissions().values()) {
                if (permission.equals(p.parent())) return new ChainError(VALIDATE, "`" + permission + "` has child `" + p.name() + "`: delete it first");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            EosAccount a = account(before, step);
            Map<String, Authority> permissions = new LinkedHashMap<>(a.permissions());
            permissions.remove(permission);
            return with(a, permissions, a.links());
        }

        @Override
        public List<String> touched() {
            return List.of(permission);
        }
    }

    /** linkauth (requirement given) or unlinkauth (requirement null). */
    private record Link(Step step, String code, String type, String requirement) implements Operation {

        private String key() {
            return code + "::" + type;
        }

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            EosAccount a = account(before, step);
            if (requirement == null) {
                String linked = a.links().get(key());
                if (linked == null) return new ChainError("transaction_exception", "`" + key() + "` is not linked: there is nothing to unlink");
                return EosSteps.authorize(step, before, judge, linked.equals(ANY) ? null : linked);
            }
            return EosSteps.authorize(step, before, judge, required(a, code, type));
        }

        @Override
        public ChainError refusal(PolicySet before) {
            EosAccount a = account(before, step);
            if (code.equals("eosio") && NATIVE.contains(type)) {
                return new ChainError(VALIDATE, "`eosio::" + type + "` cannot be linked to a minimum permission");
            }
            if (requirement == null) {
                return a.links().containsKey(key()) ? null : new ChainError(VALIDATE, "`" + key() + "` is not linked: there is nothing to unlink");
            }
            if (!requirement.equals(ANY) && !a.permissions().containsKey(requirement)) {
                return new ChainError(QUERY, "permission `" + a.name() + "@" + requirement + "` does not exist");
            }
            if (requirement.equals(a.links().get(key()))) {
                return new ChainError(VALIDATE, "`" + key() + "` is already linked to `" + requirement + "`");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            EosAccount a = account(before, step);
            Map<String, String> links = new LinkedHashMap<>(a.links());
            if (requirement == null) links.remove(key());
            else links.put(key(), requirement);
            return with(a, a.permissions(), links);
        }

        @Override
        public List<String> touched() {
            return requirement == null || requirement.equals(ANY) ? List.of() : List.of(requirement);
        }
    }
}
