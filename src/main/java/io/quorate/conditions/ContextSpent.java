package io.quorate.conditions;

import io.quorate.assets.Amount;
import io.quorate.transaction.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The amounts a transaction's {@code context.spent} gives: for a period it names, the amount of
 * each asset it lists and zero for an asset it does not list; a period it does not name is unknown.
 * The amounts are the acting account's (a transaction file speaks for its own account).
 */
public record ContextSpent(Context context) implements SpentAmounts {

    @Override
    public BigDecimal spent(String account, String asset, Duration period, Instant at) {
        List<Amount> amounts = context.spent().get(period);
        if (amounts == null) return null;
        for (Amount a : amounts) {
            if (a.asset().equals(asset)) return a.value();
        }
        return BigDecimal.ZERO;
    }
}
