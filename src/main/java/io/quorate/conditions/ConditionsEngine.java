package io.quorate.conditions;

import io.quorate.assets.Amount;
import io.quorate.rules.ThreadSessions;
import io.quorate.assets.Assets;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicySet;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.Requirement;
import io.quorate.policy.conditions.RuleOutcome;
import io.quorate.transaction.ActionData;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a transaction against the organisation's conditions: each action is put to the
 * condition rules as a {@link ConditionCheck}; the rules mark which conditions matched and which
 * lack data; the account's combining mode turns them into an outcome. Immutable and thread-safe;
 * each thread keeps one Drools session.
 */
public final class ConditionsEngine implements AutoCloseable {

    private final ConditionRules rules;
    private final ConditionSet conditions;
    private final ThreadSessions<ConditionsSession> sessions;

    public ConditionsEngine(ConditionRules rules) {
        this.rules = rules;
        this.conditions = rules.conditions();
        this.sessions = new ThreadSessions<>(() -> new ConditionsSession(rules.kieBase(), rules.lists()));
    }

    /** The engine of {@code policy}'s conditions, or null when no account has any. */
    public static ConditionsEngine of(PolicySet policy) {
        ConditionRules rules = ConditionRules.build(policy.conditions(), policy.revision());
        return rules == null ? null : new ConditionsEngine(rules);
    }

    public ConditionRules rules() {
        return rules;
    }

    /** Whether any action of {@code tx} acts for an account with conditions. */
    public boolean applies(Transaction tx) {
        for (ActionRequest a : tx.actions()) if (conditions.of(a.account()) != null) return true;
        return false;
    }

    /**
     * The conditions' outcome for {@code tx} (its accounts named as the policy names them), or null
     * when no action's account has conditions.
     *
     * @param signers  the keys that signed (key names or public keys), verified where the
     *                 transaction carried real signatures
     * @param spending what each account already spent; {@code now} is the moment when the
     *                 transaction gives no time
     */
    public ConditionsOutcome decide(Transaction tx, List<String> signers, Chain chain, KeyDirectory directory, SpentAmounts spending,
            Instant now) {
        if (!applies(tx)) return null;
        Set<String> approvers = new HashSet<>();
        List<String> given = new ArrayList<>(signers);
        given.addAll(tx.approvedBy());
        for (String text : given) {
            KeyDirectory.Resolution r = directory.resolve(chain, text);
            if (r.key() != null) {
                approvers.add(r.key().id().canonical());
            } else if (tx.approvedBy().contains(text)) {
                return deny(List.of(), "deny", ConditionsOutcome.UNKNOWN_KEY, "`approved_by`: " + r.problem());
            }
        }
        Approvals approvals = new Approvals(chain, directory, approvers);
        Instant time = tx.context().time() != null ? tx.context().time() : now;
        return sessions.with(session -> decide(tx, chain, approvals, time, spending, session));
    }

    /** The actions of {@code tx} put to the rules on {@code session}, one after another. */
    private ConditionsOutcome decide(Transaction tx, Chain chain, Approvals approvals, Instant time, SpentAmounts spending,
            ConditionsSession session) {
        Map<String, BigDecimal> earlier = new HashMap<>();
        List<ConditionsOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tx.actions().size(); i++) {
            ActionRequest a = tx.actions().get(i);
            AccountConditions set = conditions.of(a.account());
            if (set == null) continue;
            ActionData data = a.data();
            Amount amount = data == null ? null : data.amount();
            if (amount != null) {
                Integer decimals = decimals(chain, amount.asset());
                if (decimals != null && amount.decimals() < decimals && !Assets.writesEveryDecimal(chain.id())) {
                    amount = amount.withDecimals(decimals);
                }
                if (decimals != null && amount.decimals() != decimals) {
                    return deny(List.of(), "deny", ConditionsOutcome.MALFORMED_TRANSACTION, "account `" + a.account() + "`: the amount `"
                            + amount.text() + "` has " + amount.decimals() + " decimals; `" + amount.asset() + "` has " + decimals).about(i);
                }
            }
            String spentKey = amount == null ? null : a.account() + "\u0000" + amount.asset();
            BigDecimal before = spentKey == null ? BigDecimal.ZERO : earlier.getOrDefault(spentKey, BigDecimal.ZERO);
            ConditionCheck check = new ConditionCheck(set.key(), a.account(), a.action(), amount == null ? null : amount.asset(),
                    amount == null ? null : amount.value(), data == null ? null : data.to(), data == null ? null : data.from(),
                    data == null ? null : data.memo(), time, spending, before);
            session.judge(check);
            if (spentKey != null) earlier.put(spentKey, before.add(amount.value()));
            ConditionsOutcome o = combine(set, check, approvals, a.account());
            if (!o.allowed()) return o.about(i);
            outcomes.add(o);
        }
        return merge(outcomes);
    }

    private Integer decimals(Chain chain, String asset) {
        Integer d = conditions.declaredAssets().getOrDefault(chain.id(), Map.of()).get(asset);
        return d != null ? d : Assets.precision(chain.id(), asset);
    }

    /** The set's rules, in order, applied to what the rules marked on {@code check}. */
    static ConditionsOutcome combine(AccountConditions set, ConditionCheck check, Approvals approvals, String account) {
        String who = "account `" + account + "`";
        if (set.combine() == AccountConditions.Combine.FIRST_MATCH) {
            for (ConditionRule r : set.rules()) {
                if (check.lacking(r.id())) return missingData(List.of(r.name()), r, check, who);
                if (check.matched(r.id())) return apply(List.of(r.name()), List.of(r), approvals, who);
            }
            return byDefault(set, who);
        }
        List<String> matched = new ArrayList<>();
        List<ConditionRule> applied = new ArrayList<>();
        ConditionRule firstDeny = null;
        for (ConditionRule r : set.rules()) {
            boolean lacks = check.lacking(r.id());
            if (!lacks && !check.matched(r.id())) continue;
            matched.add(r.name());
            applied.add(r);
            if (firstDeny == null && (lacks || r.outcome() instanceof RuleOutcome.Deny)) firstDeny = r;
        }
        if (firstDeny != null) {
            return check.lacking(firstDeny.id()) ? missingData(matched, firstDeny, check, who) : apply(matched, List.of(firstDeny), approvals, who);
        }
        if (applied.isEmpty()) return byDefault(set, who);
        return apply(matched, applied, approvals, who);
    }

    /** The outcome of rules that all apply: a deny among them denies; else every requirement must be met. */
    private static ConditionsOutcome apply(List<String> matched, List<ConditionRule> applied, Approvals approvals, String who) {
        List<Requirement> required = new ArrayList<>();
        List<String> requiring = new ArrayList<>();
        for (ConditionRule r : applied) {
            if (r.outcome() instanceof RuleOutcome.Deny d) {
                return deny(matched, "deny", ConditionsOutcome.CONDITION_DENIED, who + ": condition `" + r.name() + "`: " + d.message());
            }
            if (r.outcome() instanceof RuleOutcome.Require q) {
                required.add(q.requirement());
                requiring.add(r.name());
            }
        }
        if (required.isEmpty()) return new ConditionsOutcome(matched, "allow", null, List.of(), null, null);
        Requirement all = required.size() == 1 ? required.get(0) : new Requirement.All(required, null);
        List<String> missing = approvals.missing(all);
        if (missing.isEmpty()) return new ConditionsOutcome(matched, "require", all.text(), List.of(), null, null);
        return new ConditionsOutcome(matched, "require", all.text(), missing, ConditionsOutcome.APPROVAL_REQUIRED,
                who + ": " + (requiring.size() == 1 ? "condition `" + requiring.get(0) + "` requires " : "conditions `"
                        + String.join("`, `", requiring) + "` require ") + all.text() + "; missing: " + String.join("; ", missing));
    }

    private static ConditionsOutcome missingData(List<String> matched, ConditionRule r, ConditionCheck check, String who) {
        List<String> absent = new ArrayList<>();
        for (String field : r.when().neededData()) {
            Object v = switch (field) {
                case "amount" -> check.getAmount();
                case "to" -> check.getTo();
                case "from" -> check.getFrom();
                default -> check.getMemo();
            };
            if (v == null) absent.add(field);
        }
        String what;
        if (!absent.isEmpty()) {
            what = "needs the action's " + String.join(", ", absent) + ", which the transaction does not carry";
        } else {
            String why = check.whySpentUnknown(r.when().spent().period().duration().getSeconds());
            what = "needs the amount of " + r.when().spent().over().asset() + " already spent in " + r.when().spent().period()
                    + ", which is not known" + (why != null ? ": " + why : " (give `context.spent`)");
        }
        return deny(matched, "deny", ConditionsOutcome.MISSING_DATA, who + ": condition `" + r.name() + "` " + what);
    }

    private static ConditionsOutcome byDefault(AccountConditions set, String who) {
        if (set.defaultAllow()) return new ConditionsOutcome(List.of(), "allow", null, List.of(), null, null);
        return deny(List.of(), "deny", ConditionsOutcome.CONDITION_DENIED, who + ": no condition matches and the default is deny");
    }

    private static ConditionsOutcome deny(List<String> matched, String outcome, String code, String message) {
        return new ConditionsOutcome(matched, outcome, null, List.of(), code, message);
    }

    /** Allowed actions together: every rule that matched, and every approval that was required. */
    private static ConditionsOutcome merge(List<ConditionsOutcome> outcomes) {
        if (outcomes.size() == 1) return outcomes.get(0);
        Set<String> matched = new LinkedHashSet<>();
        List<String> required = new ArrayList<>();
        boolean require = false;
        for (ConditionsOutcome o : outcomes) {
            matched.addAll(o.matched());
            if (o.required() != null && !required.contains(o.required())) required.add(o.required());
            require |= o.outcome().equals("require");
        }
        return new ConditionsOutcome(List.copyOf(matched), require ? "require" : "allow",
                required.isEmpty() ? null : String.join("; ", required), List.of(), null, null);
    }

    /** Retires the engine: every thread's session is disposed, idle ones now, busy ones when their decision ends. */
    @Override
    public void close() {
        sessions.retire();
    }
}
