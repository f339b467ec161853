package io.quorate.testing;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.diag.SourceLocation;
import io.quorate.engine.ActionDecision;
import io.quorate.engine.Decision;
import io.quorate.engine.Outcome;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.lint.Linter;
import io.quorate.lint.facts.AuthorityFact;
import io.quorate.lint.facts.EntryFact;
import io.quorate.lint.facts.LinkFact;
import io.quorate.lint.facts.RuleFact;
import io.quorate.conditions.ConditionsOutcome;
import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.Group;
import io.quorate.policy.conditions.Requirement;
import io.quorate.policy.conditions.RuleOutcome;
import io.quorate.policy.conditions.When;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What can be covered in one policy set, and how a decision exercises it. The parts are the ones
 * the linter sees, each with where it is written: authorities (EOS permissions, Hive roles, Casper
 * thresholds, FT4 descriptors, generic authorities), their entries (keys, account references,
 * waits, FT4 signers, Casper associated keys), EOS links and FT4 rules; and each account's
 * organisation conditions: their rules, the keys and groups their {@code require}s name, and the
 * default. The definition of
 * "exercised" is written out in docs/testing.md; each target below implements one line of it.
 */
final class CoverageModel {

    /** One part of the policy: its account, what it is, where it is written, and when a decision exercises it. */
    record Target(String account, String kind, String description, SourceLocation at, BiPredicate<Exercise, Boolean> exercised,
            Coverage.Sides sides) {

        Target(String account, String kind, String description, SourceLocation at, BiPredicate<Exercise, Boolean> exercised) {
            this(account, kind, description, at, exercised, Coverage.Sides.DECISIONS);
        }

        String key() {
            return account + "\u0000" + description + "\u0000" + at;
        }
    }

    /** One action of one decided case, with what the test knows about it. */
    record Exercise(Transaction tx, Decision decision, int index, ActionRequest request, ActionDecision action, Set<String> authorizedBy) {

        /** The same account and action in any case, as the allowing cases show it: the authorities that satisfied it. */
        static String actionKey(ActionDecision a) {
            return a.account() + "\u0000" + a.action();
        }

        boolean allowed() {
            return decision.decision() == Outcome.ALLOW && action.decision() == Outcome.ALLOW;
        }

        boolean denied() {
            return decision.decision() == Outcome.DENY && action.decision() == Outcome.DENY;
        }

        /**
         * Denied by the chain: denied, and not an action the chain satisfied that the organisation's
         * conditions alone denied (their reason is its only one).
         */
        boolean deniedByChain() {
            if (!denied()) return false;
            ConditionsOutcome c = decision.conditions();
            return c == null || c.allowed() || action.satisfiedBy() == null
                    || !action.reasons().stream().map(Reason::code).allMatch(code -> code.equals(c.code()));
        }

        boolean deniedFor(String code) {
            return denied() && action.reasons().stream().map(Reason::code).anyMatch(code::equals);
        }

        /**
         * The authority the chain judged for this action: the permission an EOS action declares,
         * else the one it required.
         */
        String judged() {
            String declared = request.authorization();
            if (declared == null) return action.required();
            return declared.contains("@") ? declared : action.account() + "@" + declared;
        }

        /** The keys that signed and were resolved: used, unused, and those that counted toward a tally. */
        Set<String> signed() {
            Set<String> out = new HashSet<>(decision.usedKeys());
            out.addAll(decision.unusedKeys());
            out.addAll(decision.countedKeys());
            return out;
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, List<Target>> byAccount = new java.util.HashMap<>();
    /** The accounts with conditions. */
    private final Set<String> conditioned = new HashSet<>();

    private CoverageModel() {
    }

    List<Target> targets() {
        return targets;
    }

    /** The parts of one account: only an action of that account can exercise them. */
    List<Target> targets(String account) {
        return byAccount.getOrDefault(account, List.of());
    }

    private void add(Target t) {
        targets.add(t);
        byAccount.computeIfAbsent(t.account(), k -> new ArrayList<>()).add(t);
    }

    static CoverageModel of(PolicySet policy) {
        Analysis analysis = Analysis.of(policy);
        List<Object> facts = Linter.facts(policy, analysis, LocalDate.now(java.time.ZoneOffset.UTC));
        CoverageModel model = new CoverageModel();
        Map<String, Set<String>> authoritiesOf = new LinkedHashMap<>();
        Map<String, String> kindOf = new LinkedHashMap<>();
        for (Object f : facts) {
            if (f instanceof AuthorityFact a) {
                authoritiesOf.computeIfAbsent(a.account(), k -> new LinkedHashSet<>()).add(label(a.account(), a.authority()));
                kindOf.put(label(a.account(), a.authority()), a.kind());
            }
        }
        Map<String, List<LinkFact>> linksOf = new LinkedHashMap<>();
        for (Object f : facts) if (f instanceof LinkFact l) linksOf.computeIfAbsent(l.account(), k -> new ArrayList<>()).add(l);
        for (Object f : facts) {
            if (f instanceof AuthorityFact a) model.authority(a);
            else if (f instanceof EntryFact e) model.entry(e, analysis, authoritiesOf.getOrDefault(e.account(), Set.of()), kindOf);
            else if (f instanceof LinkFact l) model.link(l, linksOf.get(l.account()));
            else if (f instanceof RuleFact r) model.rule(r);
        }
        ConditionSet conditions = policy.conditions();
        if (!conditions.isEmpty()) {
            KeyDirectory directory = new KeyDirectory(policy.keys());
            conditions.accounts().forEach((account, set) -> {
                io.quorate.policy.Account a = policy.account(account);
                if (a != null) model.conditions(account, set, a.chain(), directory);
            });
        }
        return model;
    }

    static String label(String account, String authority) {
        return account + "@" + authority;
    }

    /**
     * Allowed when it satisfied an allowed action. Denied when an action was denied with it judged
     * (the authority required, or the permission an EOS action declares), or when an action it
     * satisfied in an allowing case was denied: the chain may refuse such an action at an earlier
     * check (a Casper deploy must meet the deployment threshold before any other).
     */
    private void authority(AuthorityFact a) {
        String label = label(a.account(), a.authority());
        add(new Target(a.account(), "authority", a.kind() + " `" + a.authority() + "`", a.at(), (x, allow) -> allow
                ? x.allowed() && label.equals(x.action().satisfiedBy())
                : x.deniedByChain() && (label.equals(x.judged()) || x.authorizedBy().contains(label))));
    }

    /**
     * Allowed when its authority satisfied an allowed action and the entry counted toward that
     * tally. Denied when its authority was judged and refused (unsatisfied-authority), the entry
     * did not count, and it would have made the difference: the tally plus its weight reaches the
     * threshold. A key counts when it signed (the decision's used or counted keys); an account
     * reference when its authority was approved or is satisfied by the keys that signed; a wait
     * when the transaction was delayed at least as long.
     */
    private void entry(EntryFact e, Analysis analysis, Set<String> accountAuthorities, Map<String, String> kindOf) {
        Set<String> owners = e.authority() == null ? accountAuthorities : Set.of(label(e.account(), e.authority()));
        String where = e.authority() == null ? "" : kindOf.getOrDefault(label(e.account(), e.authority()), "authority")
                + " `" + e.authority() + "`: ";
        String description = where + e.entryKind() + " `" + e.label() + "`";
        // on an allowed action only the keys the chain marked used count; on a denied one, every key that signed
        BiPredicate<Exercise, Boolean> counted;
        switch (e.entryKind()) {
            case "account" -> {
                String target = e.label();
                counted = (x, allow) -> x.tx().approvals().contains(target)
                        || satisfied(analysis, target, allow ? Set.copyOf(x.decision().usedKeys()) : x.signed());
            }
            case "wait" -> {
                long seconds = Long.parseLong(e.label().replace(" s", "").trim());
                counted = (x, allow) -> x.tx().context().delaySec() >= seconds;
            }
            default -> counted = (x, allow) -> allow ? x.decision().usedKeys().contains(e.label()) : x.signed().contains(e.label());
        }
        long weight = e.weight();
        BiPredicate<Exercise, Boolean> test = (x, allow) -> allow
                ? x.allowed() && owners.contains(x.action().satisfiedBy()) && counted.test(x, true)
                : x.deniedFor(ReasonCode.UNSATISFIED_AUTHORITY) && owners.contains(x.judged()) && !counted.test(x, false)
                        && x.action().weight() + weight >= x.action().threshold();
        add(new Target(e.account(), "entry", description, e.at(), test));
    }

    /** Whether the keys {@code signed} satisfy the authority an account reference names (every authority of the account when the chain picks the role). */
    private static boolean satisfied(Analysis analysis, String reference, Set<String> signed) {
        int at = reference.lastIndexOf('@');
        List<AuthorityAnalysis> named = at >= 0
                ? java.util.Optional.ofNullable(analysis.authority(reference.substring(0, at), reference.substring(at + 1))).stream().toList()
                : analysis.authorities().stream().filter(a -> a.account().equals(reference)).toList();
        for (AuthorityAnalysis a : named) {
            Set<KeyId> ids = new HashSet<>();
            for (KeyRef k : a.keys()) if (signed.contains(k.label())) ids.add(k.id());
            if (!ids.isEmpty() && analysis.satisfiedBy(a.account(), a.authority(), ids)) return true;
        }
        return false;
    }

    /**
     * Allowed when an allowed action is the link's action (the account's most specific link for
     * it); denied when such an action was denied for its authority (unsatisfied-authority or
     * irrelevant-authorization: a permission below the link's was declared).
     */
    private void link(LinkFact l, List<LinkFact> siblings) {
        add(new Target(l.account(), "link", "link `" + l.link() + "` → `" + l.permission() + "`", l.at(), (x, allow) -> {
            if (!l.account().equals(x.action().account()) || !l.equals(mostSpecific(siblings, x.request().actionLabel()))) return false;
            return allow ? x.allowed() : x.deniedFor(ReasonCode.UNSATISFIED_AUTHORITY) || x.deniedFor(ReasonCode.IRRELEVANT_AUTHORIZATION);
        }));
    }

    /** The link an EOS action falls under: {@code contract::action} before {@code contract::*}; null when none. */
    static LinkFact mostSpecific(List<LinkFact> links, String action) {
        LinkFact wildcard = null;
        int sep = action.indexOf("::");
        String contract = sep < 0 ? action : action.substring(0, sep);
        for (LinkFact l : links) {
            if (l.link().equals(action)) return l;
            if (l.link().equals(contract + "::*") || l.link().equals(contract)) wildcard = l;
        }
        return wildcard;
    }

    /**
     * Allowed when its descriptor authorized an allowed action (every rule of it held); denied when
     * its descriptor was refused for its rules (descriptor-expired, descriptor-not-yet-valid) and
     * this comparison is one that failed at the transaction's context.
     */
    private void rule(RuleFact r) {
        String label = label(r.account(), r.descriptor());
        String description = "descriptor `" + r.descriptor() + "`: rule [" + r.op() + ", " + r.variable() + ", " + r.value() + "]";
        add(new Target(r.account(), "rule", description, r.at(), (x, allow) -> allow
                ? x.allowed() && label.equals(x.action().satisfiedBy())
                : (x.deniedFor(ReasonCode.DESCRIPTOR_EXPIRED) || x.deniedFor(ReasonCode.DESCRIPTOR_NOT_YET_VALID))
                        && label.equals(x.action().required()) && !r.holds().test(x.tx().context())));
    }

    /**
     * The conditions' outcome of a case as it concerns action {@code x}, or null when it says
     * nothing about that action's set: the conditions were not looked at, they concern another
     * action (the one they denied), several actions' outcomes were merged, or they stopped before
     * weighing any rule (an unknown approver, a malformed amount).
     */
    private ConditionsOutcome seen(Exercise x) {
        ConditionsOutcome c = x.decision().conditions();
        if (c == null) return null;
        if (c.code() != null && !List.of(ConditionsOutcome.CONDITION_DENIED, ConditionsOutcome.APPROVAL_REQUIRED,
                ConditionsOutcome.MISSING_DATA).contains(c.code())) return null;
        if (c.action() >= 0) return c.action() == x.index() ? c : null;
        int concerned = 0;
        for (ActionRequest r : x.tx().actions()) if (conditioned.contains(r.account())) concerned++;
        return concerned == 1 ? c : null;
    }

    /**
     * The parts of an account's set of conditions: each rule (its `when` held in some case, and was
     * reached and did not hold in another), each key or group of each `require` (met and unmet in
     * cases where the rule matched and its requirement was weighed), and the set's default (it
     * decided some case) when no rule always holds.
     */
    private void conditions(String account, AccountConditions set, Chain chain, KeyDirectory directory) {
        conditioned.add(account);
        String who = set.describe() + ": ";
        boolean firstMatch = set.combine() == AccountConditions.Combine.FIRST_MATCH;
        boolean unconditional = false;
        for (ConditionRule r : set.rules()) {
            When w = r.when();
            boolean always = isEmpty(w) && w.actions().isEmpty();
            unconditional |= always;
            boolean scoped = !isEmpty(w) && !w.actions().isEmpty();
            int position = r.position();
            BiPredicate<Exercise, Boolean> matched = (x, yes) -> {
                ConditionsOutcome c = seen(x);
                if (c == null) return false;
                if (yes) return !ConditionsOutcome.MISSING_DATA.equals(c.code()) && c.matched().contains(r.name());
                if (c.matched().contains(r.name())) return false;
                if (scoped && !w.actions().contains(x.request().action())) return false;
                if (!firstMatch) return true;
                // under first-match a rule is reached when no earlier rule decided
                if (c.matched().isEmpty()) return true;
                ConditionRule decided = byName(set, c.matched().get(0));
                return decided != null && decided.position() > position;
            };
            add(new Target(account, "condition", who + "rule `" + r.name() + "`", r.at(), matched,
                    always ? Coverage.Sides.ALWAYS : Coverage.Sides.RULE));
            if (r.outcome() instanceof RuleOutcome.Require req) {
                for (Requirement leaf : leaves(req.requirement())) {
                    BiPredicate<Exercise, Boolean> weighed = (x, met) -> {
                        ConditionsOutcome c = seen(x);
                        if (c == null || !"require".equals(c.outcome()) || !c.matched().contains(r.name())) return false;
                        return met == met(leaf, approvers(x, chain, directory), chain, directory);
                    };
                    add(new Target(account, "requirement", who + "rule `" + r.name() + "`: require `" + leaf.text() + "`", leaf.at(),
                            weighed, Coverage.Sides.REQUIREMENT));
                }
            }
        }
        if (!unconditional) {
            BiPredicate<Exercise, Boolean> decided = (x, yes) -> {
                ConditionsOutcome c = seen(x);
                return c != null && c.matched().isEmpty()
                        && (c.code() == null || ConditionsOutcome.CONDITION_DENIED.equals(c.code()));
            };
            add(new Target(account, "default", who + "default `" + (set.defaultAllow() ? "allow" : "deny") + "`", set.at(), decided,
                    Coverage.Sides.DEFAULT));
        }
    }

    /** Whether a `when` has nothing but its actions: every other field is absent. */
    private static boolean isEmpty(When w) {
        return w.assets().isEmpty() && w.amount().isEmpty() && w.to() == null && w.from() == null && w.memo() == null
                && w.time() == null && w.spent() == null;
    }

    private static ConditionRule byName(AccountConditions set, String name) {
        for (ConditionRule r : set.rules()) if (r.name().equals(name)) return r;
        return null;
    }

    /** The keys and group counts a requirement is made of, through its `all` and `any`. */
    static List<Requirement> leaves(Requirement r) {
        List<Requirement> out = new ArrayList<>();
        if (r instanceof Requirement.All a) a.parts().forEach(p -> out.addAll(leaves(p)));
        else if (r instanceof Requirement.Any a) a.parts().forEach(p -> out.addAll(leaves(p)));
        else out.add(r);
        return out;
    }

    /** The identities of the keys that approve a case: those that signed (as written and as the chain resolved them) and `approved_by`. */
    private static Set<String> approvers(Exercise x, Chain chain, KeyDirectory directory) {
        Set<String> out = new HashSet<>();
        List<String> given = new ArrayList<>(x.tx().signatures());
        given.addAll(x.decision().usedKeys());
        given.addAll(x.decision().unusedKeys());
        given.addAll(x.tx().approvedBy());
        for (String text : given) {
            String id = identity(text, chain, directory);
            if (id != null) out.add(id);
        }
        return out;
    }

    private static String identity(String text, Chain chain, KeyDirectory directory) {
        KeyDirectory.Resolution r = directory.resolve(chain, text);
        return r.key() == null ? null : r.key().id().canonical();
    }

    /** Whether a key or a group count is met by {@code approvers}, as the conditions weigh it. */
    private static boolean met(Requirement leaf, Set<String> approvers, Chain chain, KeyDirectory directory) {
        if (leaf instanceof Requirement.Key k) return approvers.contains(identity(k.key(), chain, directory));
        Requirement.FromGroup g = (Requirement.FromGroup) leaf;
        int have = 0;
        for (Group.Member m : g.group().members()) if (approvers.contains(identity(m.key(), chain, directory))) have++;
        return have >= g.count();
    }

    /**
     * Every action of a decided case, paired with its request and with the authorities that
     * satisfied the same account and action in the allowing cases ({@code authorizedBy}).
     */
    static List<Exercise> exercises(Transaction tx, Decision d, Map<String, Set<String>> authorizedBy) {
        List<Exercise> out = new ArrayList<>();
        for (int i = 0; i < d.actions().size() && i < tx.actions().size(); i++) {
            ActionDecision a = d.actions().get(i);
            out.add(new Exercise(tx, d, i, tx.actions().get(i), a, authorizedBy.getOrDefault(Exercise.actionKey(a), Set.of())));
        }
        return out;
    }
}
