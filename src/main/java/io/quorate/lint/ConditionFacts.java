package io.quorate.lint;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyId;
import io.quorate.lint.facts.ApprovalFact;
import io.quorate.lint.facts.AuthorityActionsFact;
import io.quorate.lint.facts.AuthorityFact;
import io.quorate.lint.facts.ConditionRuleFact;
import io.quorate.lint.facts.ConditionSetFact;
import io.quorate.lint.facts.ListEntryFact;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicySet;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.Group;
import io.quorate.policy.conditions.Membership;
import io.quorate.policy.conditions.NamedList;
import io.quorate.policy.conditions.Requirement;
import io.quorate.policy.conditions.RuleOutcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of an organisation's conditions, for the conditions checks: each rule of each set in
 * use (what it can hold for, the earlier rule that covers it), each {@code require} (whether any
 * approvals can meet it), each entry of a list the rules compare accounts with (judged by the
 * chain of every account using it), each set (whether it leaves any moment to act), and each
 * authority of an account using a set (whether the conditions allow any action its chain lets it
 * act for). A shared set is judged once, its findings placed on the first account that uses it;
 * its authorities are judged per account.
 */
final class ConditionFacts {

    private final PolicySet policy;
    private final ConditionSet conditions;
    private final List<Object> out;
    private final WhenCover cover = new WhenCover();
    private final Set<String> entriesJudged = new HashSet<>();
    private KeyDirectory directory;
    private Map<String, List<AuthorityFact>> authorities = Map.of();

    private ConditionFacts(PolicySet policy, List<Object> out) {
        this.policy = policy;
        this.conditions = policy.conditions();
        this.out = out;
    }

    static void add(PolicySet policy, List<Object> out) {
        if (policy.conditions().isEmpty()) return;
        ConditionFacts f = new ConditionFacts(policy, out);
        f.authorities = authoritiesByAccount(out);
        Map<AccountConditions, List<String>> users = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, AccountConditions> e : f.conditions.accounts().entrySet()) {
            users.computeIfAbsent(e.getValue(), s -> new ArrayList<>()).add(e.getKey());
        }
        for (AccountConditions set : inUse(f.conditions)) f.set(set, users.get(set));
    }

    /**
     * Every set in use, once, in first-use order. Told apart by identity: a shared set is one
     * object for all its accounts, and hashing a set hashes every rule and list entry in it.
     */
    private static Map<String, List<AuthorityFact>> authoritiesByAccount(List<Object> facts) {
        Map<String, List<AuthorityFact>> out = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof AuthorityFact a) out.computeIfAbsent(a.account(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    private static List<AccountConditions> inUse(ConditionSet conditions) {
        Set<AccountConditions> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<AccountConditions> out = new ArrayList<>();
        for (AccountConditions set : conditions.accounts().values()) if (seen.add(set)) out.add(set);
        return out;
    }

    private void set(AccountConditions set, List<String> users) {
        String account = users.get(0);
        String name = set.shared() ? set.name() : null;
        Map<Chain, String> chains = new LinkedHashMap<>();
        for (String user : users) {
            if (policy.account(user) != null) chains.putIfAbsent(policy.account(user).chain(), user);
        }
        List<WhenCover.Shape> shapes = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (ConditionRule r : set.rules()) {
            WhenCover.Shape shape = cover.shape(r.when());
            String neverHolds = shape.neverHolds();
            ConditionRule by = null;
            if (neverHolds == null) {
                for (int i = 0; i < shapes.size() && by == null; i++) {
                    if (never.get(i) == null && WhenCover.covers(shapes.get(i), shape)) by = set.rules().get(i);
                }
            }
            shapes.add(shape);
            never.add(neverHolds);
            out.add(new ConditionRuleFact(account, name, r.name(), set.combine().label(), r.outcome().kind(), neverHolds,
                    by == null ? null : by.name(), by == null || by.at() == null ? 0 : by.at().line(),
                    by == null ? null : by.outcome().kind(), r.at()));
            if (r.outcome() instanceof RuleOutcome.Require q) approval(account, name, r, q.requirement(), chains);
            lists(r, chains);
        }
        String named = String.join(", ", users.stream().limit(3).map(u -> "`" + u + "`").toList())
                + (users.size() > 3 ? " and " + (users.size() - 3) + " more accounts" : "");
        String denyAlways = denyAlways(set, shapes, never);
        out.add(new ConditionSetFact(account, name, named, denyAlways, set.at()));
        if (denyAlways == null) authorities(set, name, users, shapes, never);
    }

    // ---- approvals ---------------------------------------------------------------------------------

    /** Why no approvals meet a requirement, with the innermost part that cannot be met. */
    private record Unmet(String why, Requirement part) {
    }

    private void approval(String account, String set, ConditionRule r, Requirement req, Map<Chain, String> chains) {
        Unmet unmet = null;
        for (Chain chain : chains.keySet()) {
            unmet = unmet(req, chain);
            if (unmet != null) break;
        }
        out.add(new ApprovalFact(account, set, r.name(), req.text(), unmet == null ? null : unmet.why(),
                unmet == null || unmet.part().at() == null ? r.at() : unmet.part().at()));
    }

    /**
     * Null when some set of approvals meets {@code req} on {@code chain}. Approvals only add: a set
     * that meets every part of {@code all} meets it, so it is unmeetable when one part is; {@code any}
     * when every part is. A group's count is met by that many distinct keys, so members that are the
     * same key (a name and its public key) count once.
     */
    private Unmet unmet(Requirement req, Chain chain) {
        if (req instanceof Requirement.FromGroup g) {
            Map<KeyId, List<String>> byKey = new LinkedHashMap<>();
            for (Group.Member m : g.group().members()) {
                KeyDirectory.Resolution res = directory().resolve(chain, m.key());
                if (res.key() != null) byKey.computeIfAbsent(res.key().id(), i -> new ArrayList<>()).add(m.key());
            }
            if (g.count() <= byKey.size()) return null;
            List<String> same = byKey.values().stream().filter(l -> l.size() > 1)
                    .map(l -> String.join(" and ", l.stream().map(s -> "`" + abbreviate(s) + "`").toList())).toList();
            return new Unmet("`" + req.text() + "` needs " + g.count() + " distinct keys but group `" + g.group().name() + "` has "
                    + byKey.size() + " on " + chain.id() + (same.isEmpty() ? "" : " (" + String.join("; ", same) + " are the same key)"), req);
        }
        if (req instanceof Requirement.All a) {
            for (Requirement p : a.parts()) {
                Unmet u = unmet(p, chain);
                if (u != null) return new Unmet("`all`: " + u.why(), u.part());
            }
            return null;
        }
        if (req instanceof Requirement.Any a) {
            List<String> why = new ArrayList<>();
            for (Requirement p : a.parts()) {
                Unmet u = unmet(p, chain);
                if (u == null) return null;
                why.add(u.why());
            }
            return new Unmet("`any`: no part can be met: " + String.join("; ", why), req);
        }
        // a key: the policy loads only when it resolves, and one approval of it meets it
        return null;
    }

    private KeyDirectory directory() {
        if (directory == null) directory = KeyDirectory.of(policy);
        return directory;
    }

    private static String abbreviate(String key) {
        return key.length() <= 16 ? key : key.substring(0, 10) + "…";
    }

    // ---- lists ---------------------------------------------------------------------------------------

    private void lists(ConditionRule r, Map<Chain, String> chains) {
        list(r, "to", r.when().to(), chains);
        list(r, "from", r.when().from(), chains);
    }

    private void list(ConditionRule r, String field, Membership m, Map<Chain, String> chains) {
        if (m == null) return;
        NamedList list = m.list();
        String label = list.inline() ? "rule `" + r.name() + "`: `" + field + "`" : "list `" + list.name() + "`";
        for (Map.Entry<Chain, String> c : chains.entrySet()) {
            ChainLintFacts facts = ChainLintFacts.all().get(c.getKey());
            if (facts == null) continue;
            if (!entriesJudged.add(list.name() + "\u0000" + list.at() + "\u0000" + c.getKey().id())) continue;
            Map<String, String> problems = new TreeMap<>();
            for (String entry : list.entries()) {
                String problem = facts.accountNameProblem(entry);
                if (problem != null) problems.put(entry, problem);
            }
            // where each entry is written was kept when the list was read; an entry without a place is placed at its list
            Map<String, SourceLocation> at = list.locations().of(problems.keySet());
            for (Map.Entry<String, String> p : problems.entrySet()) {
                out.add(new ListEntryFact(c.getValue(), label, p.getKey(), c.getKey().id(), p.getValue(), at.getOrDefault(p.getKey(), list.at())));
            }
        }
    }

    // ---- moments to act ------------------------------------------------------------------------------

    /**
     * Why every action is denied at every tested moment, or null. At a moment, under first-match,
     * rules are read in order: a rule that cannot hold then is passed; one that needs nothing of
     * the action decides every action that reaches it (denied when it denies); a deny that needs
     * something of the action denies only some and the rest go on; an allow or require that can hold
     * lets some action through. Under deny-overrides a deny that needs nothing of the action denies
     * everything; otherwise an allow or require that can hold lets some action through. When no rule
     * lets one through, the default decides.
     */
    private String denyAlways(AccountConditions set, List<WhenCover.Shape> shapes, List<String> never) {
        List<ConditionRule> rules = set.rules();
        Passage p = sweep(set, shapes, never, r -> true, i -> shapes.get(i).onlyTime(), r -> !(r.outcome() instanceof RuleOutcome.Deny));
        if (!p.open().isEmpty()) return null;
        Set<String> closers = p.closers();
        boolean letsThrough = rules.stream().anyMatch(r -> !(r.outcome() instanceof RuleOutcome.Deny));
        if (!letsThrough) return "no rule allows or requires approvals and the default is deny";
        if (closers.isEmpty()) return "no rule that allows or requires approvals can ever hold and the default is deny";
        return "rule" + (closers.size() == 1 ? " `" : "s `") + String.join("`, `", closers) + "` deny every action at every moment"
                + (set.defaultAllow() ? "" : " the others leave, and the default is deny");
    }

    // ---- authorities never allowed -----------------------------------------------------------------

    /** What an action meets under a set: the tested moments some action of that name can be allowed at, and the rules that closed the rest. */
    private record Passage(BitSet open, Set<String> closers) {
    }

    /**
     * For each authority of each account using the set, whether the conditions allow some action the
     * account's chain lets it act for, at some moment. Action names are compared as the rules compare
     * them, so the names the rules mention and the chain's representatives of the others stand for
     * every action.
     */
    private void authorities(AccountConditions set, String name, List<String> users, List<WhenCover.Shape> shapes, List<String> never) {
        Set<String> mentioned = new java.util.TreeSet<>();
        for (ConditionRule r : set.rules()) mentioned.addAll(r.when().actions());
        // a name no rule mentions meets only the rules that name no action: one passage serves them all
        Map<String, Passage> passages = new HashMap<>();
        for (String user : users) {
            io.quorate.policy.Account account = policy.account(user);
            if (account == null) continue;
            ChainLintFacts facts = ChainLintFacts.all().get(account.chain());
            ActionRouting routing = facts == null ? null : facts.routing(account);
            if (routing == null) continue;
            List<String> candidates = new ArrayList<>(mentioned);
            for (String r : routing.representatives(mentioned)) if (r == null || !mentioned.contains(r)) candidates.add(r);
            Map<String, List<String>> actionsOf = new LinkedHashMap<>();
            for (String action : candidates) {
                for (String who : routing.actingFor(action)) actionsOf.computeIfAbsent(who, k -> new ArrayList<>()).add(action);
            }
            for (AuthorityFact a : authorities.getOrDefault(user, List.of())) {
                List<String> actions = actionsOf.get(a.authority());
                if (actions == null || actions.isEmpty()) continue;
                Set<String> closers = new LinkedHashSet<>();
                boolean allowed = false;
                for (String action : actions) {
                    String key = account.chain().id() + "\u0000" + (action == null ? "\u0001" : mentioned.contains(action) ? action : "");
                    Passage p = passages.computeIfAbsent(key, k -> passage(set, action, account.chain(), shapes, never));
                    if (!p.open().isEmpty()) {
                        allowed = true;
                        break;
                    }
                    closers.addAll(p.closers());
                }
                String why = null;
                if (!allowed) {
                    why = closers.isEmpty()
                            ? "no rule allows or requires approvals for them and the default is deny"
                            : "rule" + (closers.size() == 1 ? " `" : "s `") + String.join("`, `", closers) + "` deny them"
                              + (set.defaultAllow() ? "" : " and the default is deny");
                }
                String example = actions.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
                out.add(new AuthorityActionsFact(user, a.authority(), a.kind(), name, describeActions(actions), why,
                        example == null ? "a rule whose `when` names no action (requests by flags name none)"
                                : "a rule with `when: {action: " + example + "}`", a.at()));
            }
        }
    }

    private static String describeActions(List<String> actions) {
        List<String> named = actions.stream().map(a -> a == null ? "requests by flags" : "`" + a + "`").toList();
        if (named.size() <= 4) return String.join(", ", named);
        return String.join(", ", named.subList(0, 4)) + " and " + (named.size() - 4) + " more";
    }

    /**
     * The tested moments at which an action named {@code action} can be allowed, read as
     * {@link #denyAlways} reads the set but for one action name: a rule naming other actions never
     * holds for it; a rule that asks nothing else of the action decides it (a {@code require} no
     * approvals meet denies); a rule that reads data (amount, accounts, memo, spending) may hold or not,
     * so its deny is taken as avoidable and its allow or require as letting the action through.
     */
    private Passage passage(AccountConditions set, String action, Chain chain, List<WhenCover.Shape> shapes, List<String> never) {
        return sweep(set, shapes, never,
                r -> r.when().actions().isEmpty() || action != null && r.when().actions().contains(action),
                i -> readsNoData(set.rules().get(i).when()),
                r -> r.outcome() instanceof RuleOutcome.Allow
                        || r.outcome() instanceof RuleOutcome.Require q && unmet(q.requirement(), chain) == null);
    }

    /**
     * The set read moment by moment for the actions {@code applies} keeps: under first-match a
     * moment is decided by the first rule that can hold then and {@code decidesAll} (it lets through
     * what it lets through and closes the rest), while a rule that lets through but does not decide
     * all opens the moment and, under first-match, decides it; under deny-overrides a closing rule
     * that decides all closes its moments over every other rule. What no rule decided the default
     * opens when it allows.
     */
    private static Passage sweep(AccountConditions set, List<WhenCover.Shape> shapes, List<String> never,
            java.util.function.Predicate<ConditionRule> applies, java.util.function.IntPredicate decidesAll,
            java.util.function.Predicate<ConditionRule> through) {
        List<ConditionRule> rules = set.rules();
        BitSet open = new BitSet(Moments.COUNT);
        BitSet decided = new BitSet(Moments.COUNT);
        BitSet denyAll = new BitSet(Moments.COUNT);
        Set<String> closers = new LinkedHashSet<>();
        boolean firstMatch = set.combine() == AccountConditions.Combine.FIRST_MATCH;
        for (int i = 0; i < rules.size(); i++) {
            if (never.get(i) != null) continue;
            ConditionRule r = rules.get(i);
            if (!applies.test(r)) continue;
            BitSet when = (BitSet) shapes.get(i).moments().clone();
            if (firstMatch) when.andNot(decided);
            if (when.isEmpty()) continue;
            boolean letsThrough = through.test(r);
            if (decidesAll.test(i)) {
                if (letsThrough) {
                    open.or(when);
                } else {
                    closers.add(r.name());
                    denyAll.or(when);
                }
                decided.or(when);
            } else if (letsThrough) {
                open.or(when);
                if (firstMatch) decided.or(when);
            }
        }
        if (!firstMatch) open.andNot(denyAll);
        if (set.defaultAllow()) {
            BitSet undecided = Moments.all();
            undecided.andNot(decided);
            if (!firstMatch) undecided.andNot(denyAll);
            open.or(undecided);
        }
        return new Passage(open, closers);
    }

    /** Whether a {@code when} asks nothing of the action but its name and moment. */
    private static boolean readsNoData(io.quorate.policy.conditions.When w) {
        return !w.needsAmount() && w.to() == null && w.from() == null && w.memo() == null;
    }
}
