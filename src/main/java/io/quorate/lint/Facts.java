package io.quorate.lint;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.analysis.Figures;
import io.quorate.analysis.ReferenceProblem;
import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyId;
import io.quorate.lint.facts.AuthorityFact;
import io.quorate.lint.facts.CapabilityFact;
import io.quorate.lint.facts.EntryFact;
import io.quorate.lint.facts.HolderFact;
import io.quorate.lint.facts.ParentFact;
import io.quorate.lint.facts.ReferenceFact;
import io.quorate.lint.facts.RequirementFact;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicySet;
import io.quorate.policy.Requirements;
import io.quorate.policy.WaitWeight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts the checks judge, computed once from a policy set and its resilience analysis:
 * what every chain shares here (authorities with their figures, entries, parents, capabilities,
 * requirements, holders, reference problems); what one chain alone has comes from its {@link ChainLintFacts}.
 */
public final class Facts {

    final PolicySet policy;
    final Analysis analysis;
    private final List<Object> out = new ArrayList<>();
    private final Map<String, String> holderOf = new HashMap<>();

    private Facts(PolicySet policy, Analysis analysis) {
        this.policy = policy;
        this.analysis = analysis;
        for (NamedKey k : policy.keys()) {
            if (k.holder() != null) holderOf.putIfAbsent(k.name(), k.holder());
        }
    }

    static List<Object> of(PolicySet policy, Analysis analysis, java.time.LocalDate today) {
        Facts f = new Facts(policy, analysis);
        Map<Chain, ChainLintFacts> chains = ChainLintFacts.all();
        for (Account a : policy.accounts().values()) {
            ChainLintFacts facts = chains.get(a.chain());
            if (facts == null) throw new IllegalStateException("chain `" + a.chain().id() + "` has no lint facts registered");
            facts.add(a, f, today);
        }
        f.capabilities();
        f.references();
        ConditionFacts.add(policy, f.out);
        return f.out;
    }

    /** The analysis of an authority, or null when the analysis has none. */
    AuthorityAnalysis analysed(String account, String authority) {
        return analysis.authority(account, authority);
    }

    /** Adds a fact of a chain's own shape or limits for the checks to judge. */
    public void add(Object fact) {
        out.add(fact);
    }

    /** A weighted authority (threshold, keys, accounts, waits) with its figures and its written entries. */
    public void weighted(Account account, Authority a, String kind) {
        long waits = a.waits().stream().mapToLong(WaitWeight::weight).sum();
        int entries = a.keys().size() + a.accounts().size() + a.waits().size();
        authority(account, a.name(), kind, a.threshold(), a.totalWeight(), entries, waits, a.at(), a.thresholdAt());
        entries(account.name(), a.name(), kind, a);
    }

    /** An authority with its written numbers and its figures; also its requirements and holders. */
    public void authority(Account account, String name, String kind, long threshold, long totalWeight, int entries, long waitWeight,
                   SourceLocation at) {
        authority(account, name, kind, threshold, totalWeight, entries, waitWeight, at, at);
    }

    /** As above, with where the threshold is written, for the findings about it. */
    public void authority(Account account, String name, String kind, long threshold, long totalWeight, int entries, long waitWeight,
                   SourceLocation at, SourceLocation thresholdAt) {
        AuthorityAnalysis a = analysed(account.name(), name);
        Figures fig = a == null ? null : a.figures();
        out.add(new AuthorityFact(account.name(), name, account.chain().id(), kind, threshold, totalWeight, entries, waitWeight,
                fig != null, fig == null ? -1 : fig.minSigners(), fig == null ? -1 : fig.maxKeyLoss(),
                fig == null ? -1 : fig.minHolders(), fig != null && fig.exact(), a != null && a.waitOnly(),
                a == null ? "" : outside(a.outside()), at, thresholdAt));
        if (fig == null) return;
        Requirements req = account.requirements();
        if (req.minSigners() != null) {
            out.add(new RequirementFact(account.name(), name, kind, "min_signers", req.minSigners(), fig.minSigners(), req.at(), at));
        }
        if (req.distinctHolders() != null) {
            out.add(new RequirementFact(account.name(), name, kind, "distinct_holders", req.distinctHolders(), fig.minHolders(), req.at(), at));
        }
        holders(account.name(), name, kind, a, at);
    }

    /** The written entries of an authority (keys, account references, waits), each duplicate marked. */
    public void entries(String account, String authority, String kind, Authority a) {
        Map<Object, SourceLocation> seen = new HashMap<>();
        for (KeyWeight k : a.keys()) key(account, authority, kind, "key", k.key(), k.weight(), k.at(), seen);
        for (AccountWeight r : a.accounts()) {
            SourceLocation first = seen.putIfAbsent("account:" + r.label(), r.at());
            out.add(new EntryFact(account, authority, kind, "account", r.label(), r.weight(), first, r.at()));
        }
        for (WaitWeight w : a.waits()) {
            SourceLocation first = seen.putIfAbsent("wait:" + w.seconds(), w.at());
            out.add(new EntryFact(account, authority, kind, "wait", w.seconds() + " s", w.weight(), first, w.at()));
        }
    }

    public void key(String account, String authority, String kind, String entryKind, KeyRef key, long weight, SourceLocation at,
             Map<Object, SourceLocation> seen) {
        SourceLocation first = seen.putIfAbsent(key.id(), at);
        out.add(new EntryFact(account, authority, kind, entryKind, key.label(), weight, first, at));
    }

    /** A higher authority over one it controls, both with figures. */
    public void parent(Account account, String parent, String parentKind, String child, String childKind, SourceLocation parentAt) {
        AuthorityAnalysis p = analysed(account.name(), parent);
        AuthorityAnalysis c = analysed(account.name(), child);
        if (p == null || c == null) return;
        out.add(new ParentFact(account.name(), account.chain().id(), parent, parentKind, p.figures().minSigners(), child, childKind,
                c.figures().minSigners(), parentAt));
    }

    private void holders(String account, String authority, String kind, AuthorityAnalysis a, SourceLocation at) {
        if (holderOf.isEmpty() || a.figures().minSigners() < 2) return;
        Map<String, List<KeyRef>> byHolder = new LinkedHashMap<>();
        for (KeyRef k : a.keys()) {
            String holder = holderOf.get(k.label());
            if (holder != null) byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(k);
        }
        byHolder.forEach((holder, keys) -> {
            if (keys.size() < 2) return;
            Set<KeyId> ids = new LinkedHashSet<>();
            keys.forEach(k -> ids.add(k.id()));
            boolean satisfies = analysis.satisfiedBy(account, authority, ids);
            out.add(new HolderFact(account, authority, kind, holder, keys.size(),
                    String.join(", ", keys.stream().map(KeyRef::label).toList()), satisfies, at));
        });
    }

    private void capabilities() {
        for (CapabilityAnalysis c : analysis.capabilities()) {
            Account account = policy.account(c.account());
            if (account == null) continue;
            Integer survive = account.requirements().surviveKeyLoss();
            out.add(new CapabilityFact(c.account(), c.capability(), String.join(", ", c.grantedBy().stream().map(g -> "`" + g + "`").toList()),
                    c.figures().minSigners(), c.figures().maxKeyLoss(), c.figures().exact(), survive == null ? 1 : survive,
                    outside(c.outside()), account.at()));
        }
    }

    /** The references outside the policy set as messages name them: {@code `a@b`, `c@d`}. */
    private static String outside(List<String> targets) {
        return String.join(", ", targets.stream().map(t -> "`" + t + "`").toList());
    }

    private void references() {
        for (ReferenceProblem p : analysis.referenceProblems()) {
            String problem = p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            out.add(new ReferenceFact(p.account(), p.authority(), p.target(), problem, p.at()));
        }
    }
}
