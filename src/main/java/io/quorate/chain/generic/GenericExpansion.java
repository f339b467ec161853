package io.quorate.chain.generic;

import io.quorate.analysis.Expanded;
import io.quorate.analysis.Formula;
import io.quorate.analysis.KeyTable;
import io.quorate.analysis.Problems;
import io.quorate.analysis.ReferenceProblem;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.policy.Validity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generic authorities: a threshold over keys (each entry counts) and {@code acct@authority}
 * references, a reference standing for the referenced authority or any of its parents, followed
 * while the depth is below {@code max_depth} of the account analysed (the authority itself is
 * depth 1, a parent is at its child's depth). The time is unknown here, so validity windows are
 * ignored, except an empty one, which makes the authority itself unusable.
 */
final class GenericExpansion {

    private final PolicySet policy;
    private final KeyTable keys;
    private final Problems problems;

    GenericExpansion(PolicySet policy, KeyTable keys, Problems problems) {
        this.policy = policy;
        this.keys = keys;
        this.problems = problems;
    }

    Expanded expand(GenericAccount account) {
        List<Expanded.Authority> authorities = new ArrayList<>();
        for (Authority a : account.authorities().values()) {
            Set<String> stack = new LinkedHashSet<>();
            stack.add(account.name() + "@" + a.name());
            Formula own = own(account.name(), a, 1, account.maxDepth(), stack);
            authorities.add(new Expanded.Authority(a.name(), "authority", own, false, a.at()));
        }
        List<Expanded.Capability> capabilities = new ArrayList<>();
        for (var e : account.actions().entrySet()) {
            Formula f = full(account, e.getValue(), 1, account.maxDepth(), new LinkedHashSet<>());
            capabilities.add(new Expanded.Capability(e.getKey(), withAncestors(account, e.getValue()), f));
        }
        return new Expanded(authorities, capabilities);
    }

    static List<String> withAncestors(GenericAccount account, String authority) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = authority;
        while (current != null && account.authorities().containsKey(current) && seen.add(current)) {
            out.add(current);
            current = account.authorities().get(current).parent();
        }
        return out;
    }

    /** The authority or, failing it, its parent (one not already being expanded), at the same depth. */
    private Formula full(GenericAccount account, String name, int depth, int maxDepth, Set<String> stack) {
        String label = account.name() + "@" + name;
        Authority a = account.authorities().get(name);
        stack.add(label);
        try {
            Formula own = own(account.name(), a, depth, maxDepth, stack);
            String parent = a.parent();
            if (parent == null || !account.authorities().containsKey(parent) || stack.contains(account.name() + "@" + parent)) {
                return own;
            }
            return new Formula.Any(List.of(own, full(account, parent, depth, maxDepth, stack)));
        } finally {
            stack.remove(label);
        }
    }

    private Formula own(String owner, Authority a, int depth, int maxDepth, Set<String> stack) {
        Validity v = a.valid();
        if (v != null && v.from() != null && v.until() != null && !v.from().isBefore(v.until())) return new Formula.Never();
        List<Formula.Part> parts = new ArrayList<>();
        for (KeyWeight k : a.keys()) parts.add(new Formula.Part(new Formula.Key(keys.index(k.key())), k.weight()));
        for (AccountWeight r : a.accounts()) {
            parts.add(new Formula.Part(reference(owner, a.name(), r, depth, maxDepth, stack), r.weight()));
        }
        return new Formula.Threshold(a.threshold(), parts);
    }

    private Formula reference(String owner, String from, AccountWeight r, int depth, int maxDepth, Set<String> stack) {
        String target = r.label();
        Account acct = policy.account(r.account());
        if (stack.contains(target)) return problems.never(owner, from, target, ReferenceProblem.Kind.CYCLE, r.at());
        if (acct == null) return problems.never(owner, from, target, ReferenceProblem.Kind.DANGLING, r.at());
        if (!(acct instanceof GenericAccount g)) return problems.never(owner, from, target, ReferenceProblem.Kind.CROSS_CHAIN, r.at());
        if (r.authority() == null || !g.authorities().containsKey(r.authority())) {
            return problems.never(owner, from, target, ReferenceProblem.Kind.DANGLING, r.at());
        }
        if (depth >= maxDepth) return problems.never(owner, from, target, ReferenceProblem.Kind.DEPTH_EXCEEDED, r.at());
        Formula cut = problems.follow(owner, from, target, r.at());
        if (cut != null) return cut;
        return full(g, r.authority(), depth + 1, maxDepth, stack);
    }
}
