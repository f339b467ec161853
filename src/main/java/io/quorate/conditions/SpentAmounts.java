package io.quorate.conditions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What an account already spent of an asset over a period ending at a moment: how {@code spent}
 * conditions learn it at decision time. The command line reads it from the transaction's
 * {@code context.spent}; a service keeps it itself. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SpentAmounts {

    /**
     * The amount {@code account} spent of {@code asset} in the {@code period} before {@code at}
     * (exact, in the asset's units), or null when it is not known: a rule that needs it then
     * denies with {@code missing-data}. It throws {@link SpentUnknownException} instead of
     * answering null when it can say why the amount is not known; the denial then says it.
     */
    BigDecimal spent(String account, String asset, Duration period, Instant at);

    /** Nothing is known. */
    SpentAmounts UNKNOWN = (account, asset, period, at) -> null;
}
