package io.quorate.spending;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One account's spending while {@link SpendingStore#atomically} holds it: no other writer records
 * for the account until the work returns. What {@link #record} adds is visible to this ledger's
 * reads at once and reaches the database in one transaction when the work returns normally;
 * if the work throws, nothing of it is recorded.
 *
 * <p>A window is {@code (at - period, at]}: a spend exactly {@code period} before {@code at} has
 * left it, a spend at {@code at} is in it.
 */
public interface Ledger {

    /** The account held. */
    String account();

    /** What the account spent of {@code asset} in {@code (at - period, at]}. */
    default SpentSum spent(String asset, Duration period, Instant at) {
        return spent(asset, at.minus(period), at);
    }

    /** What the account spent of {@code asset} after {@code fromExclusive}, up to {@code toInclusive} (null: with no end). */
    SpentSum spent(String asset, Instant fromExclusive, Instant toInclusive);

    /** The spend recorded under {@code id} for this account, if any (this work's own records included). */
    Optional<Spend> find(String id);

    /**
     * Records {@code spend} (of this account). True when it is new; false when the same spend
     * was already recorded under its id, which then stays as it was.
     *
     * @throws SpendConflictException when the id was recorded with another asset or amount
     * @throws IllegalArgumentException when the spend is another account's
     */
    boolean record(Spend spend);
}
