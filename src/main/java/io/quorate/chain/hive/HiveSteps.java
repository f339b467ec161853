package io.quorate.chain.hive;

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
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive's {@code account_update} ({@code hive_evaluator_account.cpp}, {@code hive_operations.cpp}):
 * changing owner needs owner, anything else needs active; at most 40 entries per authority; an
 * authority that can never be satisfied is accepted, so the linter has to catch it.
 */
public final class HiveSteps implements ChainSteps {

    /** Weights are uint16; an entry names a whole account (account_auths). */
    static final PlanAuthorities.Form AUTHORITY = new PlanAuthorities.Form(Chain.HIVE, List.of(), IntRange.U16, "account", null);
    static final List<String> ROLES = List.of("owner", "active", "posting");
    static final int MAX_MEMBERSHIP = 40;
    /** HIVE_OWNER_UPDATE_LIMIT: one owner change an hour. */
    static final java.time.Duration OWNER_UPDATE_LIMIT = java.time.Duration.ofMinutes(60);
    /** Fields of account_update that change no authority; such an update needs active. */
    static final List<String> OTHER_FIELDS = List.of("memo_key", "json_metadata", "posting_json_metadata");

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public Map<String, List<Form.Field>> operations() {
        List<Form.Field> fields = new ArrayList<>();
        Form.Named role = Form.named("hive-step-authority", AUTHORITY.fields());
        for (String r : ROLES) fields.add(Form.optional(r, role, "the new " + r + " authority"));
        for (String other : OTHER_FIELDS) fields.add(Form.optional(other, Form.text(), "changes no authority; the update then needs active"));
        return Map.of("account_update", fields);
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        String context = "step " + step.label();
        Map<String, Authority> roles = new LinkedHashMap<>();
        boolean ok = true;
        for (String role : ROLES) {
            if (step.node().get(role) == null) continue;
            Authority a = PlanAuthorities.read(x, keys, AUTHORITY, step.node().get(role), role, null, context + ": `" + role + "`");
            if (a == null) ok = false;
            else roles.put(role, a);
        }
        boolean other = OTHER_FIELDS.stream().anyMatch(f -> step.node().get(f) != null);
        if (ok && roles.isEmpty() && !other) {
            x.error(Expect.MISSING_FIELD, step.at(), context + ": `account_update` changes none of owner, active, posting",
                    "give at least one of `owner`, `active`, `posting`");
            return null;
        }
        return ok ? new AccountUpdate(step, roles) : null;
    }

    /** One account_update carrying every role that changed. */
    @Override
    public void diff(Account was, Account now, DiffPlan plan) {
        HiveAccount a = (HiveAccount) was;
        HiveAccount b = (HiveAccount) now;
        ObjectNode s = null;
        for (String role : ROLES) {
            Authority before = a.role(role);
            Authority after = b.role(role);
            if (after == null || before != null && DiffPlan.shape(before).equals(DiffPlan.shape(after))) continue;
            if (s == null) s = plan.step(b.name(), "account_update");
            s.set(role, plan.authority(after, "account"));
        }
    }

    private record AccountUpdate(Step step, Map<String, Authority> roles) implements Operation {

        private String role() {
            return roles.containsKey("owner") ? "owner" : "active";
        }

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            String missing = role().equals("owner") ? "tx_missing_owner_auth" : "tx_missing_active_auth";
            return Signed.error(judge.decide(before, Signed.transaction(step, role(), null, null, null)), Map.of(
                    ReasonCode.UNSATISFIED_AUTHORITY, missing,
                    ReasonCode.IRRELEVANT_SIGNATURE, "tx_irrelevant_sig",
                    ReasonCode.DUPLICATE_SIGNATURE, "tx_duplicate_sig"));
        }

        @Override
        public boolean contentFirst() {
            return true;
        }

        @Override
        public ChainError refusal(PolicySet before, List<Step> applied) {
            if (roles.containsKey("owner")) {
                for (Step earlier : applied) {
                    if (!earlier.account().equals(step.account()) || !earlier.op().equals("account_update") || earlier.node().get("owner") == null) continue;
                    java.time.Instant then = earlier.context().time();
                    java.time.Instant now = step.context().time();
                    // Without times the steps are taken to follow each other closely, as one plan's steps do.
                    if (then == null || now == null || java.time.Duration.between(then, now).compareTo(OWNER_UPDATE_LIMIT) <= 0) {
                        return new ChainError("owner_update_limit", "owner of `" + step.account() + "` was changed by step "
                                + earlier.label() + " less than an hour before: owner changes at most once an hour");
                    }
                }
            }
            return refusal(before);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            for (Authority a : roles.values()) {
                int size = a.keys().size() + a.accounts().size();
                if (size > MAX_MEMBERSHIP) {
                    return new ChainError("authority_membership_exceeded", "`" + a.name() + "` has " + size + " entries, more than "
                            + MAX_MEMBERSHIP);
                }
            }
            for (Authority a : roles.values()) {
                for (io.quorate.policy.AccountWeight w : a.accounts()) {
                    // The policy set is the world a plan is checked in: an account it does not declare does not exist.
                    if (before.account(w.account()) == null) {
                        return new ChainError("authority_account_does_not_exist", "account `" + w.account() + "` in `" + a.name() + "` does not exist");
                    }
                }
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            HiveAccount h = (HiveAccount) before.account(step.account());
            return new HiveAccount(h.name(), h.hardfork(), roles.getOrDefault("owner", h.owner()), roles.getOrDefault("active", h.active()),
                    roles.getOrDefault("posting", h.posting()), h.requirements(), h.at());
        }

        @Override
        public List<String> touched() {
            return new ArrayList<>(roles.keySet());
        }
    }
}
