package io.quorate.analysis;

import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Exact resilience figures for every authority and capability of a policy set: each authority is
 * expanded into a {@link Formula} with its chain's rules (references followed to the chain's depth,
 * cycles, missing and cross-chain references adding nothing), then three minimum-set problems are
 * solved on it: the fewest keys that satisfy it, the fewest keys whose loss locks it (the fewest
 * keys satisfying its dual), and the fewest holders.
 *
 * <p>How it scales. A formula in which no key occurs twice is solved compositionally: a knapsack
 * over each threshold's children indexed by cost (at most the number of keys), so O(entries x keys)
 * per threshold, whatever the weights and thresholds; thousands of keys take milliseconds. When
 * keys repeat (a key both direct and through a nested account, the same keys in owner and active
 * of one capability, several keys of one holder), a branch and bound splits on classes of
 * interchangeable keys, re-normalising each branch until it is read-once again, bounded by
 * relaxations of the same knapsack. Keys that play the same part are split on together (s + 1
 * branches for s keys), so the usual shapes (equal weights, a few weight tiers, a capability over
 * owner and active sharing keys) stay polynomial; adversarial shapes with 40 keys of all-distinct
 * roles can need exponential search, and after {@link FewestKeys#BUDGET} search nodes per figure
 * the figure becomes a proven lower bound with {@code exact = false}. Immutable once built.
 */
public final class Analysis {

    private final List<AuthorityAnalysis> authorities;
    private final List<CapabilityAnalysis> capabilities;
    private final List<ReferenceProblem> referenceProblems;
    private final Map<String, AuthorityAnalysis> byLabel = new HashMap<>();

    private Analysis(List<AuthorityAnalysis> authorities, List<CapabilityAnalysis> capabilities, List<ReferenceProblem> problems) {
        this.authorities = List.copyOf(authorities);
        this.capabilities = List.copyOf(capabilities);
        this.referenceProblems = List.copyOf(problems);
        for (AuthorityAnalysis a : authorities) byLabel.put(a.account() + "\u0000" + a.authority(), a);
    }

    public static Analysis of(PolicySet policy) {
        KeyTable keys = new KeyTable(policy);
        Problems problems = new Problems();
        Map<Chain, Function<Account, Expanded>> expanders = new HashMap<>();
        ChainExpansions.all().forEach((chain, e) -> expanders.put(chain, e.expander(policy, keys, problems)));
        List<AuthorityAnalysis> authorities = new ArrayList<>();
        List<CapabilityAnalysis> capabilities = new ArrayList<>();
        Map<Solved, Figures> memo = new HashMap<>();
        for (Account account : policy.accounts().values()) {
            Function<Account, Expanded> expander = expanders.get(account.chain());
            if (expander == null) throw new IllegalStateException("chain `" + account.chain().id() + "` has no analysis registered");
            problems.startAccount();
            Expanded e = expander.apply(account);
            for (Expanded.Authority a : e.authorities()) {
                KeyTable.Local local = keys.localise(a.formula());
                Figures f = bounded(figures(memo, local, keys), problems);
                authorities.add(new AuthorityAnalysis(account.name(), a.name(), account.chain(), a.kind(), local.formula(),
                        local.keys(), f, a.waitOnly(), Formula.outside(a.formula()), a.at()));
            }
            for (Expanded.Capability c : e.capabilities()) {
                KeyTable.Local local = keys.localise(c.formula());
                capabilities.add(new CapabilityAnalysis(account.name(), c.name(), c.grantedBy(), local.formula(), local.keys(),
                        bounded(figures(memo, local, keys), problems), Formula.outside(c.formula())));
            }
        }
        return new Analysis(authorities, capabilities, problems.all());
    }

    /** An account whose references were cut short has figures that are bounds, not exact. */
    private static Figures bounded(Figures f, Problems problems) {
        return problems.cut() && f.exact() ? new Figures(f.minSigners(), f.maxKeyLoss(), f.minHolders(), false) : f;
    }

    /** A formula over given keys: a capability that is one authority is solved once. */
    private record Solved(Formula formula, List<KeyId> keys) {
    }

    private static Figures figures(Map<Solved, Figures> memo, KeyTable.Local local, KeyTable keys) {
        Solved key = new Solved(local.formula(), local.keys().stream().map(KeyRef::id).toList());
        return memo.computeIfAbsent(key, k -> Resilience.of(local.formula(), local.keys(), keys::holder));
    }

    public List<AuthorityAnalysis> authorities() {
        return authorities;
    }

    public List<CapabilityAnalysis> capabilities() {
        return capabilities;
    }

    public List<ReferenceProblem> referenceProblems() {
        return referenceProblems;
    }

    /** The analysis of {@code account}'s authority (permission, role, threshold, descriptor), or null. */
    public AuthorityAnalysis authority(String account, String authority) {
        return byLabel.get(account + "\u0000" + authority);
    }

    /**
     * Would these keys alone satisfy it (chain semantics as in the expansion)? False for an
     * authority that is not in the policy. Keys the authority does not expand to are ignored.
     */
    public boolean satisfiedBy(String account, String authority, Set<KeyId> keys) {
        AuthorityAnalysis a = authority(account, authority);
        if (a == null) return false;
        Set<Integer> present = new HashSet<>();
        for (int i = 0; i < a.keys().size(); i++) {
            if (keys.contains(a.keys().get(i).id())) present.add(i);
        }
        return a.formula().holds(present::contains);
    }

    /**
     * One line for people: the shape ("any 2 of alice, bob, eve", "weights alice 25, bob 10,
     * threshold 40") and the figures ("survives the loss of 1 key; 2 keys can act"), or why it can
     * never be satisfied.
     */
    public static String describe(Figures figures, List<KeyRef> keys, Formula formula) {
        return Description.of(figures, keys, formula);
    }
}
