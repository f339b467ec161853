package io.quorate.spending;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What a decision asks about spending: the exact amount {@code account} already spent of
 * {@code asset} in the {@code period} before {@code at}. It throws
 * {@link SpendingUnavailableException} when that cannot be told; the decision then denies.
 */
@FunctionalInterface
public interface SpentLookup {
    BigDecimal spent(String account, String asset, Duration period, Instant at);
}
