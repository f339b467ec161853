package io.quorate.chain.eos;

import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.ActionRouting;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.LimitFact;
import io.quorate.lint.facts.LinkFact;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.WaitWeight;
import java.util.TreeSet;
import java.util.Set;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.time.LocalDate;

/** The lint facts of an Antelope account: permissions, their parents, links and the chain's limits. */
public final class EosLintFacts implements ChainLintFacts {

    /** {@code max_transaction_delay}: 45 days. */
    static final long MAX_WAIT = 3_888_000L;
    static final long MAX_ENTRIES = 65_536L;

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public String accountNameProblem(String name) {
        return EosNames.isName(name) ? null : EosNames.RULE;
    }

    /**
     * An action needs the permission its links name (an exact link first, then the contract's
     * {@code *}; {@code eosio.any}: any permission), a permission's own name needs that permission,
     * anything else {@code active}; the needed permission and each of its ancestors may act for it.
     */
    @Override
    public ActionRouting routing(Account account) {
        EosAccount eos = (EosAccount) account;
        return new ActionRouting() {
            @Override
            public List<String> representatives(Set<String> mentioned) {
                Set<String> taken = new TreeSet<>(mentioned);
                taken.addAll(eos.links().keySet());
                List<String> out = new ArrayList<>(eos.permissions().keySet());
                for (String link : eos.links().keySet()) {
                    out.add(link.endsWith("::*") ? ActionRouting.fresh(link.substring(0, link.length() - 1), taken) : link);
                }
                out.add(ActionRouting.fresh("quorate.lint::", taken));
                return out;
            }

            @Override
            public Set<String> actingFor(String action) {
                if (action == null) return Set.of();
                String minimum = EosDecider.minimumPermission(eos, action);
                Set<String> out = new LinkedHashSet<>();
                for (String p : eos.permissions().keySet()) {
                    if (minimum == null || eos.permissions().containsKey(minimum) && EosDecider.satisfies(eos, p, minimum)) out.add(p);
                }
                return out;
            }
        };
    }

    @Override
    public void add(Account account, Facts f, LocalDate today) {
        add((EosAccount) account, f);
    }

    private static void add(EosAccount account, Facts f) {
        for (Authority p : account.permissions().values()) {
            f.weighted(account, p, "permission");
            int entries = p.keys().size() + p.accounts().size() + p.waits().size();
            f.add(new LimitFact(account.name(), p.name(), "permission", "entries", entries, MAX_ENTRIES, "eos limit", p.at()));
            for (WaitWeight w : p.waits()) {
                f.add(new LimitFact(account.name(), p.name(), "permission", "wait of seconds", w.seconds(), MAX_WAIT,
                        "eos max_transaction_delay (45 days)", w.at()));
            }
            if (p.parent() != null && account.permissions().containsKey(p.parent())) {
                Authority parent = account.permissions().get(p.parent());
                f.parent(account, parent.name(), "permission", p.name(), "permission", parent.at());
            }
        }
        account.links().forEach((link, permission) -> f.add(new LinkFact(account.name(), link, permission,
                account.permissions().containsKey(permission), account.linkAt(link))));
    }

}
