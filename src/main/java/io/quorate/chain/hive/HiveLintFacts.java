package io.quorate.chain.hive;

import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.ActionRouting;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.LimitFact;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import java.util.TreeSet;
import java.util.Set;
import java.util.LinkedHashSet;
import java.time.LocalDate;
import java.util.List;

/** The lint facts of a Hive account: its roles, which role controls which, and the membership limit. */
public final class HiveLintFacts implements ChainLintFacts {

    static final long MAX_MEMBERSHIP = 40L;

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public String accountNameProblem(String name) {
        return HiveNames.isName(name) ? null : HiveNames.RULE;
    }

    /**
     * Each operation acts for the role it needs; before hardfork 28 a higher role stands in for a
     * lower one (owner for active and posting, active for posting). Unknown operations are refused.
     */
    @Override
    public ActionRouting routing(Account account) {
        HiveAccount hive = (HiveAccount) account;
        return new ActionRouting() {
            @Override
            public List<String> representatives(Set<String> mentioned) {
                return new TreeSet<>(HiveOperations.names()).stream().toList();
            }

            @Override
            public Set<String> actingFor(String action) {
                String role = action == null ? null : HiveOperations.role(action);
                if (role == null) return Set.of();
                Set<String> out = new LinkedHashSet<>();
                for (String r : HiveOperations.actingFor(role, hive.hardfork())) if (hive.role(r) != null) out.add(r);
                return out;
            }
        };
    }

    @Override
    public void add(Account account, Facts f, LocalDate today) {
        add((HiveAccount) account, f);
    }

    private static void add(HiveAccount account, Facts f) {
        for (String role : List.of("owner", "active", "posting")) {
            Authority a = account.role(role);
            if (a == null) continue;
            f.weighted(account, a, "role");
            f.add(new LimitFact(account.name(), role, "role", "entries", a.keys().size() + a.accounts().size(),
                    MAX_MEMBERSHIP, "hive membership limit (HIVE_MAX_AUTHORITY_MEMBERSHIP)", a.at()));
        }
        String[][] pairs = {{"owner", "active"}, {"owner", "posting"}, {"active", "posting"}};
        for (String[] pair : pairs) {
            Authority parent = account.role(pair[0]);
            if (parent != null && account.role(pair[1]) != null) f.parent(account, pair[0], "role", pair[1], "role", parent.at());
        }
    }

}
