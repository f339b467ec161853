package io.quorate.spending;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as the formats write it: {@code "12000.0000 EOS"} (a plain decimal, one space, the
 * asset), or a bare decimal when the asset is known from elsewhere. Decimals are exact: no sign,
 * no exponent, the scale as written.
 */
public record Quantity(BigDecimal amount, String asset) {

    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(?: ([^\\s]+))?");

    /**
     * Parses {@code text}; {@code asset} is the asset given beside it, or null. With both, they
     * must agree; with neither, it is an error.
     */
    public static Quantity parse(String text, String asset) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("amount `" + text + "` is not a decimal and an asset, like `12000.0000 EOS`");
        }
        if (m.group(1).length() > Spend.MAX_DIGITS + 1) throw new IllegalArgumentException("amount has more than " + Spend.MAX_DIGITS + " digits");
        BigDecimal amount = Spend.checkAmount(new BigDecimal(m.group(1)));
        String named = m.group(2);
        if (named != null && asset != null && !named.equals(asset)) {
            throw new IllegalArgumentException("amount `" + text + "` is in `" + named + "`, not in asset `" + asset + "`");
        }
        String chosen = named != null ? named : asset;
        if (chosen == null) throw new IllegalArgumentException("amount `" + text + "` names no asset: write it like `12000.0000 EOS`");
        Spend.checkName("asset", chosen);
        return new Quantity(amount, chosen);
    }

    /** {@code "12000.0000 EOS"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + asset;
    }
}
