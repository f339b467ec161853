package io.quorate.chain.hive;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hive roles ({@code sign_state}): keys in key order, then accounts in name order; only the first
 * {@value #MAX_MEMBERSHIP} entries can ever be examined. A listed account stands for its role of
 * the phase (active inside owner and active, posting inside posting), one level deeper; the root is
 * depth 0 and accounts listed inside a depth-{@value #MAX_DEPTH} authority are not followed. (The
 * chain lets such an account count when an earlier branch of the same check already approved it,
 * and stops after 125 account lookups; the formula ignores both.)
 */
final class HiveExpansion {

    static final int MAX_DEPTH = 2;
    static final int MAX_MEMBERSHIP = 40;

    private final PolicySet policy;
    private final KeyTable keys;
    private final Problems problems;

    HiveExpansion(PolicySet policy, KeyTable keys, Problems problems) {
        this.policy = policy;
        this.keys = keys;
        this.problems = problems;
    }

    Expanded expand(HiveAccount account) {
        List<Expanded.Authority> authorities = new ArrayList<>();
        for (String role : List.of("owner", "active", "posting")) {
            Authority a = account.role(role);
            if (a == null) continue;
            authorities.add(new Expanded.Authority(role, "role", role(account, role, phase(role)), false, a.at()));
        }
        int hardfork = account.hardfork();
        List<Expanded.Capability> capabilities = new ArrayList<>();
        capabilities.add(capability(account, "funds", HiveOperations.actingFor("active", hardfork), "active"));
        capabilities.add(capability(account, "keys", HiveOperations.actingFor("owner", hardfork), "active"));
        // a higher role standing in for posting still reaches nested accounts through posting
        capabilities.add(capability(account, "posting", HiveOperations.actingFor("posting", hardfork), "posting"));
        return new Expanded(authorities, capabilities);
    }

    private Expanded.Capability capability(HiveAccount account, String name, List<String> roles, String phase) {
        List<String> granted = new ArrayList<>();
        List<Formula> any = new ArrayList<>();
        for (String r : roles) {
            if (account.role(r) == null) continue;
            granted.add(r);
            any.add(role(account, r, phase));
        }
        return new Expanded.Capability(name, granted, new Formula.Any(any));
    }

    private static String phase(String role) {
        return role.equals("posting") ? "posting" : "active";
    }

    /** A role's authority at the root, nested accounts through the phase's role; a role left out is never satisfied. */
    Formula role(HiveAccount account, String role, String phase) {
        Authority a = account.role(role);
        return a == null ? new Formula.Never() : authority(account.name(), role, a, 0, phase);
    }

    private Formula authority(String owner, String role, Authority a, int depth, String phase) {
        List<KeyWeight> keyEntries = new ArrayList<>(a.keys());
        keyEntries.sort(Comparator.comparing((KeyWeight k) -> k.key().id()));
        List<AccountWeight> accountEntries = new ArrayList<>(a.accounts());
        accountEntries.sort(Comparator.comparing(AccountWeight::account));
        List<Formula.Part> parts = new ArrayList<>();
        int examined = 0;
        for (KeyWeight k : keyEntries) {
            if (examined++ >= MAX_MEMBERSHIP) break;
            parts.add(new Formula.Part(new Formula.Key(keys.index(k.key())), k.weight()));
        }
        for (AccountWeight r : accountEntries) {
            String target = r.account() + "@" + phase;
            if (depth == MAX_DEPTH) {
                // skipped without counting toward membership
                problems.never(owner, role, target, ReferenceProblem.Kind.DEPTH_EXCEEDED, r.at());
                continue;
            }
            if (examined++ >= MAX_MEMBERSHIP) break;
            parts.add(new Formula.Part(reference(owner, role, r, target, depth, phase), r.weight()));
        }
        return new Formula.Threshold(a.threshold(), parts);
    }

    private Formula reference(String owner, String role, AccountWeight r, String target, int depth, String phase) {
        Account acct = policy.account(r.account());
        if (acct == null) return problems.never(owner, role, target, ReferenceProblem.Kind.OUTSIDE_POLICY, r.at());
        if (!(acct instanceof HiveAccount hive)) return problems.never(owner, role, target, ReferenceProblem.Kind.CROSS_CHAIN, r.at());
        Authority a = hive.role(phase);
        if (a == null) return problems.never(owner, role, target, ReferenceProblem.Kind.DANGLING, r.at());
        Formula cut = problems.follow(owner, role, target, r.at());
        if (cut != null) return cut;
        return authority(r.account(), phase, a, depth + 1, phase);
    }
}
