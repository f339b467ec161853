package io.quorate.spending;

import java.math.BigDecimal;

/** What an account spent of one asset in a window: the exact total and how many spends made it. */
public record SpentSum(BigDecimal total, long count) {

    public static final SpentSum NONE = new SpentSum(BigDecimal.ZERO, 0);

    public SpentSum plus(BigDecimal amount) {
        return new SpentSum(total.add(amount), count + 1);
    }

    public SpentSum minus(BigDecimal amount) {
        return new SpentSum(total.subtract(amount), count - 1);
    }
}
