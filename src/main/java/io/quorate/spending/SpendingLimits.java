package io.quorate.spending;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Spending as decisions see it: {@link #spent} answers a {@code spent} condition, and
 * {@link #decideAndRecord} decides a transaction and records what it spends, both holding the
 * account, so that parallel requests can never together pass a limit each passes alone.
 *
 * <p>A decision's window is {@code (at - period, ...)} with no end: a spend dated after
 * {@code at} (a clock ahead of this one, a decision about the past) counts too, since leaving
 * out a spend that is known could only let more through. {@link SpendingStore#spent} answers
 * exact windows {@code (at - period, at]}.
 *
 * <p>Without a store ({@link #none}) every question throws {@link SpendingUnavailableException}:
 * a rule about spending denies rather than take nothing for spent.
 */
public final class SpendingLimits implements SpentLookup {

    private final SpendingStore store;
    private final String whyNone;

    private SpendingLimits(SpendingStore store, String whyNone) {
        this.store = store;
        this.whyNone = whyNone;
    }

    /** Limits over {@code store}. */
    public static SpendingLimits over(SpendingStore store) {
        return new SpendingLimits(store, null);
    }

    /** No spending kept: every question fails with {@code why}. */
    public static SpendingLimits none(String why) {
        return new SpendingLimits(null, why);
    }

    /** Whether spending is kept (else every question fails). */
    public boolean kept() {
        return store != null;
    }

    public Optional<SpendingStore> store() {
        return Optional.ofNullable(store);
    }

    /** What {@code account} spent of {@code asset} after {@code at - period}, later-dated spends included. */
    @Override
    public BigDecimal spent(String account, String asset, Duration period, Instant at) {
        return require().spent(account, asset, at.minus(period), null).total();
    }

    /**
     * Decides with {@code account} held, and records {@code spends} (all the account's, the
     * amounts the transaction moves) when {@code allows} says the decision allows. Inside
     * {@code decide}, the lookup answers from the held ledger; a spend already recorded under
     * one of these ids (a retried request, or a confirmation that came first) is left out of
     * what it answers, so the retry decides as the first request did and records nothing twice.
     * The spends are on disk before this returns; if recording fails, this throws and the caller
     * must not act on the decision.
     *
     * @throws SpendConflictException when an id was recorded with another asset or amount
     * @throws SpendingUnavailableException when no store is kept, or the store fails or stays busy
     */
    public <D> D decideAndRecord(String account, List<Spend> spends, Function<SpentLookup, D> decide, Predicate<D> allows) {
        SpendingStore s = require();
        for (Spend spend : spends) {
            if (!spend.account().equals(account)) {
                throw new IllegalArgumentException("a spend of account `" + spend.account() + "` in a decision for `" + account + "`");
            }
        }
        return s.atomically(account, ledger -> {
            List<Spend> already = new ArrayList<>();
            for (Spend spend : spends) {
                Optional<Spend> known = ledger.find(spend.id());
                if (known.isEmpty()) continue;
                if (!known.get().sameAs(spend)) throw new SpendConflictException(spend, known.get());
                already.add(known.get());
            }
            SpentLookup lookup = (acct, asset, period, at) -> {
                if (!acct.equals(account)) return s.spent(acct, asset, at.minus(period), null).total();
                Instant from = at.minus(period);
                SpentSum sum = ledger.spent(asset, from, null);
                for (Spend known : already) {
                    if (known.asset().equals(asset) && known.time().isAfter(from)) sum = sum.minus(known.amount());
                }
                return sum.total();
            };
            D decision = decide.apply(lookup);
            if (allows.test(decision)) spends.forEach(ledger::record);
            return decision;
        });
    }

    private SpendingStore require() {
        if (store == null) throw new SpendingUnavailableException(whyNone);
        return store;
    }
}
