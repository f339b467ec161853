package io.quorate.server;

import io.quorate.conditions.ContextSpent;
import io.quorate.conditions.SpentAmounts;
import io.quorate.conditions.SpentUnknownException;
import io.quorate.spending.SpendingLimits;
import io.quorate.spending.SpendingUnavailableException;
import io.quorate.spending.SpentLookup;
import io.quorate.transaction.Transaction;

/**
 * Where the service's decisions learn what an account already spent ({@code docs/spending.md}).
 * With {@code --spending-db}, from the store alone: it is the truth, and a client's
 * {@code context.spent} is never read, whatever the server trusts. Without it, from the client's
 * {@code context.spent} when the server trusts its clients' context ({@code --trust-context-time});
 * otherwise from nowhere, and a {@code spent} rule denies with {@code missing-data}, saying to
 * start the service with {@code --spending-db}. A store that fails, stays busy or no longer keeps
 * the window denies the same way (fail closed), with the store's reason.
 */
final class ServedSpending {

    private final SpendingLimits limits;
    private final boolean trustContext;
    private final SpentAmounts fromStore;

    ServedSpending(SpendingLimits limits, boolean trustContext) {
        this.limits = limits;
        this.trustContext = trustContext;
        this.fromStore = of(limits);
    }

    /** The spent amounts to decide {@code tx} with. */
    SpentAmounts forDecision(Transaction tx) {
        if (!limits.kept() && trustContext) return new ContextSpent(tx.context());
        return fromStore;
    }

    /** {@code lookup} as conditions ask it: a spending that cannot be told is unknown, with the reason. */
    static SpentAmounts of(SpentLookup lookup) {
        return (account, asset, period, at) -> {
            try {
                return lookup.spent(account, asset, period, at);
            } catch (SpendingUnavailableException e) {
                throw new SpentUnknownException(e.getMessage());
            }
        };
    }
}
