package io.quorate.chain.generic;

import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.ActionRouting;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.ValidityFact;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import java.util.TreeSet;
import java.util.Set;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The lint facts of a generic account: its authorities, their parents and validity windows. */
public final class GenericLintFacts implements ChainLintFacts {


    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    /**
     * An action needs the authority {@code actions} maps it to, else the one {@code *} maps to, else
     * the authority of its own name; that authority and each of its parents may act for it.
     */
    @Override
    public ActionRouting routing(Account account) {
        GenericAccount generic = (GenericAccount) account;
        return new ActionRouting() {
            @Override
            public List<String> representatives(Set<String> mentioned) {
                Set<String> taken = new TreeSet<>(mentioned);
                taken.addAll(generic.actions().keySet());
                taken.addAll(generic.authorities().keySet());
                List<String> out = new ArrayList<>();
                for (String a : generic.actions().keySet()) if (!a.equals("*")) out.add(a);
                out.addAll(generic.authorities().keySet());
                out.add(ActionRouting.fresh("", taken));
                return out;
            }

            @Override
            public Set<String> actingFor(String action) {
                if (action == null) return Set.of();
                String needed = generic.actions().get(action);
                if (needed == null) needed = generic.actions().get("*");
                if (needed == null && generic.authorities().containsKey(action)) needed = action;
                Set<String> out = new LinkedHashSet<>();
                for (String a = needed; a != null && generic.authorities().containsKey(a) && out.add(a); ) {
                    a = generic.authorities().get(a).parent();
                }
                return out;
            }
        };
    }

    @Override
    public void add(Account account, Facts f, LocalDate today) {
        add((GenericAccount) account, f, today);
    }

    private static void add(GenericAccount account, Facts f, LocalDate today) {
        for (Authority a : account.authorities().values()) {
            f.weighted(account, a, "authority");
            if (a.valid() != null) f.add(validity(account, a, today));
            if (a.parent() != null && account.authorities().containsKey(a.parent())) {
                Authority parent = account.authorities().get(a.parent());
                f.parent(account, parent.name(), "authority", a.name(), "authority", parent.at());
            }
        }
    }

    /** Whether a generic authority's window still holds a moment from the start of today on. */
    private static ValidityFact validity(GenericAccount account, Authority a, LocalDate today) {
        java.time.Instant from = a.valid().from();
        java.time.Instant until = a.valid().until();
        java.time.Instant startOfToday = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        String why = null;
        if (from != null && until != null && !from.isBefore(until)) {
            why = "its validity window is empty: it starts at " + from + " and ends at " + until;
        } else if (until != null && !until.isAfter(startOfToday)) {
            why = "its validity window closed at " + until + ": it can never be used again";
        }
        return new ValidityFact(account.name(), a.name(), why != null, why, a.at());
    }

}
