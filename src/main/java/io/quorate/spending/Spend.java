package io.quorate.spending;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One amount an account spent: {@code amount} of {@code asset} at {@code time}, under an id the
 * caller gives (a transaction id and the action's index, say) so that recording the same spend
 * twice counts it once. The amount is exact and positive; its scale is kept as given.
 */
public record Spend(String account, String asset, BigDecimal amount, Instant time, String id) {

    /** Times are kept as nanoseconds since 1970 in 64 bits: from 1970 up to (not including) this. */
    public static final Instant LATEST = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L);
    static final int MAX_TEXT = 256;
    static final int MAX_DIGITS = 60;
    static final int MAX_SCALE = 30;

    public Spend {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
        checkName("account", account);
        checkName("asset", asset);
        checkName("id", id);
        amount = checkAmount(amount);
        if (time.isBefore(Instant.EPOCH) || !time.isBefore(LATEST)) {
            throw new IllegalArgumentException("time `" + time + "` is outside 1970-01-01 to " + LATEST);
        }
    }

    /** A name, an asset or an id: 1 to 256 characters, none of them a control character. */
    static void checkName(String what, String value) {
        if (value.isEmpty()) throw new IllegalArgumentException(what + " is empty");
        if (value.length() > MAX_TEXT) throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) throw new IllegalArgumentException(what + " has a control character");
        }
    }

    /** Positive, at most 60 digits and 30 after the point; a negative scale (1E+3) becomes 0. */
    static BigDecimal checkAmount(BigDecimal amount) {
        if (amount.signum() <= 0) throw new IllegalArgumentException("amount `" + amount.toPlainString() + "` is not positive");
        if (amount.scale() < 0) amount = amount.setScale(0);
        if (amount.scale() > MAX_SCALE) throw new IllegalArgumentException("amount has more than " + MAX_SCALE + " decimal places");
        if (amount.precision() > MAX_DIGITS) throw new IllegalArgumentException("amount has more than " + MAX_DIGITS + " digits");
        return amount;
    }

    /** Whether {@code other} is this spend again: same account, id, asset and amount (its time may differ). */
    public boolean sameAs(Spend other) {
        return account.equals(other.account) && id.equals(other.id) && asset.equals(other.asset) && amount.compareTo(other.amount) == 0;
    }
}
