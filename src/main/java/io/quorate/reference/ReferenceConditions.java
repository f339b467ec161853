package io.quorate.reference;

import io.quorate.assets.Amount;
import io.quorate.assets.Assets;
import io.quorate.conditions.ConditionsOutcome;
import io.quorate.conditions.SpentAmounts;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.AmountBound;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.Group;
import io.quorate.policy.conditions.Requirement;
import io.quorate.policy.conditions.RuleOutcome;
import io.quorate.policy.conditions.When;
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
 * The organisation's conditions evaluated in plain Java, straight from the policy's model, rule
 * by rule as docs/conditions.md states them: no Drools, no compiled rules. The differential tests
 * hold the rule engine to it.
 */
public final class ReferenceConditions {

    private final ConditionSet conditions;

    public ReferenceConditions(ConditionSet conditions) {
        this.conditions = conditions;
    }

    /** What one rule says about one action: it holds, it lacks data, or neither. */
    private enum Verdict { HOLDS, LACKS, NONE }

    /** The conditions' outcome for {@code tx}, or null when none of its accounts has conditions. */
    public ConditionsOutcome decide(Transaction tx, List<String> signers, Chain chain, KeyDirectory directory, SpentAmounts spending,
            Instant now) {
        boolean any = tx.actions().stream().anyMatch(a -> conditions.of(a.account()) != null);
        if (!any) return null;
        Set<String> approvers = new HashSet<>();
        for (String s : signers) {
            KeyDirectory.Resolution r = directory.resolve(chain, s);
            if (r.key() != null) approvers.add(r.key().id().canonical());
        }
        for (String s : tx.approvedBy()) {
            KeyDirectory.Resolution r = directory.resolve(chain, s);
            if (r.key() == null) {
                return new ConditionsOutcome(List.of(), "deny", null, List.of(), ConditionsOutcome.UNKNOWN_KEY, "`approved_by`: " + r.problem());
            }
            approvers.add(r.key().id().canonical());
        }
        Instant time = tx.context().time() != null ? tx.context().time() : now;
        Map<String, BigDecimal> moved = new HashMap<>();
        Set<String> matchedAll = new LinkedHashSet<>();
        List<String> requiredAll = new ArrayList<>();
        boolean anyRequire = false;
        int counted = 0;
        ConditionsOutcome single = null;
        for (int i = 0; i < tx.actions().size(); i++) {
            ActionRequest a = tx.actions().get(i);
            AccountConditions set = conditions.of(a.account());
            if (set == null) continue;
            ActionData d = a.data();
            Amount amount = d == null ? null : d.amount();
            if (amount != null) {
                Integer decimals = conditions.declaredAssets().getOrDefault(chain.id(), Map.of()).get(amount.asset());
                if (decimals == null) decimals = Assets.precision(chain.id(), amount.asset());
                boolean exact = Assets.writesEveryDecimal(chain.id());
                if (decimals != null && (exact ? amount.value().scale() != decimals : amount.value().scale() > decimals)) {
                    return new ConditionsOutcome(List.of(), "deny", null, List.of(), ConditionsOutcome.MALFORMED_TRANSACTION, "precision", i);
                }
            }
            String key = amount == null ? null : a.account() + "/" + amount.asset();
            BigDecimal earlier = key == null ? BigDecimal.ZERO : moved.getOrDefault(key, BigDecimal.ZERO);
            List<ConditionRule> holding = new ArrayList<>();
            List<ConditionRule> lacking = new ArrayList<>();
            List<ConditionRule> touched = new ArrayList<>();
            for (ConditionRule r : set.rules()) {
                Verdict v = verdict(r.when(), a, d, amount, time, spending, earlier);
                if (v == Verdict.HOLDS) holding.add(r);
                if (v == Verdict.LACKS) lacking.add(r);
                if (v != Verdict.NONE) touched.add(r);
            }
            if (key != null) moved.put(key, earlier.add(amount.value()));
            ConditionsOutcome o = outcome(set, touched, lacking, approvers, chain, directory);
            if (o.code() != null) {
                return new ConditionsOutcome(o.matched(), o.outcome(), o.required(), o.missing(), o.code(), o.message(), i);
            }
            counted++;
            single = o;
            matchedAll.addAll(o.matched());
            if (o.required() != null && !requiredAll.contains(o.required())) requiredAll.add(o.required());
            anyRequire |= o.outcome().equals("require");
        }
        if (counted == 1) return single;
        return new ConditionsOutcome(List.copyOf(matchedAll), anyRequire ? "require" : "allow",
                requiredAll.isEmpty() ? null : String.join("; ", requiredAll), List.of(), null, null);
    }

    private static Verdict verdict(When w, ActionRequest a, ActionData d, Amount amount, Instant time, SpentAmounts spending,
            BigDecimal earlier) {
        if (!w.actions().isEmpty() && !w.actions().contains(a.action())) return Verdict.NONE;
        String to = d == null ? null : d.to();
        String from = d == null ? null : d.from();
        String memo = d == null ? null : d.memo();
        boolean needsAmount = !w.assets().isEmpty() || !w.amount().isEmpty() || w.spent() != null;
        boolean assetMatches = amount != null && w.assets().contains(amount.asset());
        if (needsAmount && amount != null && !assetMatches) return Verdict.NONE;
        BigDecimal spent = null;
        if (w.spent() != null && amount != null) {
            spent = spending.spent(a.account(), amount.asset(), w.spent().period().duration(), time);
        }
        boolean lacks = needsAmount && amount == null || w.to() != null && to == null || w.from() != null && from == null
                || w.memo() != null && memo == null || w.spent() != null && amount != null && spent == null;
        if (lacks) return Verdict.LACKS;
        if (needsAmount) {
            for (AmountBound b : w.amount()) {
                int c = amount.value().compareTo(b.limit().value());
                boolean ok = switch (b.op()) {
                    case GT -> c > 0;
                    case GE -> c >= 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                };
                if (!ok) return Verdict.NONE;
            }
        }
        if (w.to() != null && w.to().list().entries().contains(to) != w.to().in()) return Verdict.NONE;
        if (w.from() != null && w.from().list().entries().contains(from) != w.from().in()) return Verdict.NONE;
        if (w.memo() != null && !java.util.regex.Pattern.compile(w.memo().regex()).matcher(memo).matches()) return Verdict.NONE;
        if (w.time() != null) {
            java.time.ZonedDateTime local = time.atZone(w.time().zone());
            int minute = local.getHour() * 60 + local.getMinute();
            int start = w.time().fromMinute();
            int end = w.time().toMinute();
            boolean inHours = start < end ? minute >= start && minute < end : minute >= start || minute < end;
            boolean inside = w.time().days().contains(local.getDayOfWeek()) && inHours;
            if (inside != w.time().within()) return Verdict.NONE;
        }
        if (w.spent() != null && spent.add(earlier).add(amount.value()).compareTo(w.spent().over().value()) <= 0) return Verdict.NONE;
        return Verdict.HOLDS;
    }

    private static ConditionsOutcome outcome(AccountConditions set, List<ConditionRule> touched, List<ConditionRule> lacking,
            Set<String> approvers, Chain chain, KeyDirectory directory) {
        List<ConditionRule> deciding;
        if (set.combine() == AccountConditions.Combine.FIRST_MATCH) {
            deciding = touched.isEmpty() ? List.of() : List.of(touched.get(0));
        } else {
            deciding = touched;
        }
        List<String> matched = deciding.stream().map(ConditionRule::name).toList();
        if (deciding.isEmpty()) {
            return set.defaultAllow() ? new ConditionsOutcome(List.of(), "allow", null, List.of(), null, null)
                    : new ConditionsOutcome(List.of(), "deny", null, List.of(), ConditionsOutcome.CONDITION_DENIED, "default");
        }
        for (ConditionRule r : deciding) {
            if (lacking.contains(r)) return new ConditionsOutcome(matched, "deny", null, List.of(), ConditionsOutcome.MISSING_DATA, r.name());
            if (r.outcome() instanceof RuleOutcome.Deny) {
                return new ConditionsOutcome(matched, "deny", null, List.of(), ConditionsOutcome.CONDITION_DENIED, r.name());
            }
        }
        List<Requirement> required = new ArrayList<>();
        for (ConditionRule r : deciding) {
            if (r.outcome() instanceof RuleOutcome.Require q) required.add(q.requirement());
        }
        if (required.isEmpty()) return new ConditionsOutcome(matched, "allow", null, List.of(), null, null);
        Requirement all = required.size() == 1 ? required.get(0) : new Requirement.All(required, null);
        List<String> missing = new ArrayList<>();
        unmet(all, approvers, chain, directory, missing);
        return new ConditionsOutcome(matched, "require", all.text(), missing,
                missing.isEmpty() ? null : ConditionsOutcome.APPROVAL_REQUIRED, missing.isEmpty() ? null : "approvals");
    }

    private static boolean approved(String key, Set<String> approvers, Chain chain, KeyDirectory directory) {
        KeyDirectory.Resolution r = directory.resolve(chain, key);
        return r.key() != null && approvers.contains(r.key().id().canonical());
    }

    /** Adds what is missing for {@code r} to {@code out}; true when nothing is. */
    private static boolean unmet(Requirement r, Set<String> approvers, Chain chain, KeyDirectory directory, List<String> out) {
        if (r instanceof Requirement.Key k) {
            if (approved(k.key(), approvers, chain, directory)) return true;
            out.add("key " + k.key());
            return false;
        }
        if (r instanceof Requirement.FromGroup g) {
            List<String> others = new ArrayList<>();
            Set<String> approving = new HashSet<>();
            for (Group.Member m : g.group().members()) {
                KeyDirectory.Resolution res = directory.resolve(chain, m.key());
                if (approved(m.key(), approvers, chain, directory)) approving.add(res.key().id().canonical()); else others.add(m.key());
            }
            int have = approving.size();
            if (have >= g.count()) return true;
            out.add((g.count() - have) + " more of " + g.group().name() + " (" + String.join(", ", others) + ")");
            return false;
        }
        if (r instanceof Requirement.All all) {
            boolean ok = true;
            for (Requirement p : all.parts()) ok &= unmet(p, approvers, chain, directory, out);
            return ok;
        }
        Requirement.Any anyOf = (Requirement.Any) r;
        List<String> alternatives = new ArrayList<>();
        for (Requirement p : anyOf.parts()) {
            List<String> m = new ArrayList<>();
            if (unmet(p, approvers, chain, directory, m)) return true;
            alternatives.add(String.join(" and ", m));
        }
        out.add("any of: " + String.join(" | ", alternatives));
        return false;
    }
}
