package io.quorate.chain.eos;

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
import io.quorate.policy.WaitWeight;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Antelope permissions. An account entry stands for the referenced permission's own authority (not
 * its parents: the checker looks the exact level up), followed while the depth is below
 * {@code max_authority_depth} of the account analysed (the declared permission is depth 1). Waits
 * never count: current Antelope ignores delays, so a permission that needs them is reported as
 * {@code waitOnly}. The checker's per-transaction cache can make a permission met twice reuse its
 * first answer; the formula follows each path on its own, which differs only inside cycles.
 */
final class EosExpansion {

    static final String TRANSFER = "eosio.token::transfer";
    static final String TOKEN_ANY = "eosio.token::*";
    static final String ANY_PERMISSION = "eosio.any";

    private final PolicySet policy;
    private final KeyTable keys;
    private final Problems problems;

    EosExpansion(PolicySet policy, KeyTable keys, Problems problems) {
        this.policy = policy;
        this.keys = keys;
        this.problems = problems;
    }

    Expanded expand(EosAccount account) {
        List<Expanded.Authority> authorities = new ArrayList<>();
        for (Authority p : account.permissions().values()) {
            Formula f = permission(account, p.name(), false);
            boolean waitOnly = !Expanded.satisfiable(f) && Expanded.satisfiable(permission(account, p.name(), true));
            authorities.add(new Expanded.Authority(p.name(), "permission", f, waitOnly, p.at()));
        }
        List<Expanded.Capability> capabilities = new ArrayList<>();
        String minimum = account.links().get(TRANSFER);
        if (minimum == null) minimum = account.links().get(TOKEN_ANY);
        if (minimum == null) minimum = "active";
        List<String> granted = ANY_PERMISSION.equals(minimum)
                ? new ArrayList<>(account.permissions().keySet()) : withAncestors(account, minimum);
        capabilities.add(capability(account, "funds", granted));
        capabilities.add(capability(account, "keys", account.permissions().containsKey("owner") ? List.of("owner") : List.of()));
        return new Expanded(authorities, capabilities);
    }

    private Expanded.Capability capability(EosAccount account, String name, List<String> granted) {
        List<Formula> any = new ArrayList<>();
        for (String g : granted) any.add(permission(account, g, false));
        return new Expanded.Capability(name, granted, new Formula.Any(any));
    }

    /** The permission and its parents, as far as they are declared (a parent may be declared for a child). */
    static List<String> withAncestors(EosAccount account, String permission) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = permission;
        while (current != null && account.permissions().containsKey(current) && seen.add(current)) {
            out.add(current);
            current = account.permissions().get(current).parent();
        }
        return out;
    }

    Formula permission(EosAccount account, String permission, boolean waitsCount) {
        Set<String> stack = new LinkedHashSet<>();
        stack.add(account.name() + "@" + permission);
        return authority(account.name(), account.permissions().get(permission), 1, account.maxAuthorityDepth(), stack, waitsCount);
    }

    private Formula authority(String owner, Authority a, int depth, int maxDepth, Set<String> stack, boolean waitsCount) {
        List<Formula.Part> parts = new ArrayList<>();
        for (KeyWeight k : a.keys()) parts.add(new Formula.Part(new Formula.Key(keys.index(k.key())), k.weight()));
        for (AccountWeight r : a.accounts()) {
            parts.add(new Formula.Part(reference(owner, a.name(), r, depth, maxDepth, stack, waitsCount), r.weight()));
        }
        for (WaitWeight w : a.waits()) {
            parts.add(new Formula.Part(waitsCount ? new Formula.Always() : new Formula.Never(), w.weight()));
        }
        return new Formula.Threshold(a.threshold(), parts);
    }

    private Formula reference(String owner, String from, AccountWeight r, int depth, int maxDepth, Set<String> stack, boolean waitsCount) {
        String target = r.label();
        Account acct = policy.account(r.account());
        if (stack.contains(target)) return problems.never(owner, from, target, ReferenceProblem.Kind.CYCLE, r.at());
        if (acct == null) return problems.never(owner, from, target, ReferenceProblem.Kind.OUTSIDE_POLICY, r.at());
        if (!(acct instanceof EosAccount eos)) return problems.never(owner, from, target, ReferenceProblem.Kind.CROSS_CHAIN, r.at());
        Authority a = eos.permissions().get(r.authority());
        if (a == null) return problems.never(owner, from, target, ReferenceProblem.Kind.DANGLING, r.at());
        if (depth >= maxDepth) return problems.never(owner, from, target, ReferenceProblem.Kind.DEPTH_EXCEEDED, r.at());
        Formula cut = problems.follow(owner, from, target, r.at());
        if (cut != null) return cut;
        stack.add(target);
        try {
            return authority(r.account(), a, depth + 1, maxDepth, stack, waitsCount);
        } finally {
            stack.remove(target);
        }
    }
}
