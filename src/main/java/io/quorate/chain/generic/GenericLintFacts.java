package io.quorate.chain.generic;

import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.ValidityFact;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The lint facts of a generic account: its authorities, their parents and validity windows. */
public final class GenericLintFacts implements ChainLintFacts {


    @Override
    public Chain chain() {
        return Chain.GENERIC;
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
