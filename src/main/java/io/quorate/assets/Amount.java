package io.quorate.assets;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact amount of one asset, as chains write it ({@code "12000.0000 EOS"}, {@code "5.000 HIVE"}):
 * the decimal keeps the scale it was written with, because a chain's asset is defined by its
 * precision ({@code 1.0 EOS} is not an EOS amount). Never a floating-point number.
 */
public record Amount(BigDecimal value, String asset) implements Comparable<Amount> {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,40})(?:\\.(\\d{1,30}))?[ ]+([A-Za-z][A-Za-z0-9]{0,15})");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,40}(?:\\.\\d{1,30})?");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}");

    public Amount {
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(asset, "asset");
    }

    /**
     * Reads {@code "<decimal> <ASSET>"}: digits, an optional fraction, one or more spaces and the
     * asset's symbol. No sign, no exponent, no thousands separators.
     *
     * @throws IllegalArgumentException saying what is wrong, in lowercase
     */
    public static Amount parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not an amount like `12000.0000 EOS`: digits, a decimal point, "
                    + "the decimals and the asset's symbol");
        }
        String digits = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
        return new Amount(new BigDecimal(digits), m.group(3));
    }

    /** A decimal without asset ({@code "150.25"}) in {@code asset}. */
    public static Amount of(String decimal, String asset) {
        String d = decimal == null ? "" : decimal.trim();
        if (!DECIMAL.matcher(d).matches()) {
            throw new IllegalArgumentException("`" + decimal + "` is not a decimal amount like `150.25`");
        }
        if (!SYMBOL.matcher(asset).matches()) throw new IllegalArgumentException("`" + asset + "` is not an asset symbol");
        return new Amount(new BigDecimal(d), asset);
    }

    /** Whole base units ({@code motes}, say) of an asset with {@code decimals} decimals. */
    public static Amount ofUnits(String units, int decimals, String asset) {
        String u = units == null ? "" : units.trim();
        if (!u.matches("\\d{1,78}")) throw new IllegalArgumentException("`" + units + "` is not a whole number of base units");
        return new Amount(new BigDecimal(new java.math.BigInteger(u), decimals), asset);
    }

    /** The number of decimals written. */
    public int decimals() {
        return Math.max(0, value.scale());
    }

    /** This amount written with exactly {@code decimals} decimals; it must not lose digits. */
    public Amount withDecimals(int decimals) {
        return new Amount(value.setScale(decimals, java.math.RoundingMode.UNNECESSARY), asset);
    }

    public Amount plus(Amount other) {
        if (!asset.equals(other.asset)) throw new IllegalArgumentException("cannot add " + other.asset + " to " + asset);
        return new Amount(value.add(other.value), asset);
    }

    /** Compares the values exactly (assets must be equal). */
    @Override
    public int compareTo(Amount other) {
        if (!asset.equals(other.asset)) throw new IllegalArgumentException("cannot compare " + other.asset + " with " + asset);
        return value.compareTo(other.value);
    }

    /** As chains write it: {@code 12000.0000 EOS}. */
    public String text() {
        return value.toPlainString() + " " + asset;
    }

    @Override
    public String toString() {
        return text();
    }
}
