package io.quorate.assets;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A spending period as policies write it: a whole number and a unit, {@code 30m}, {@code 1h}, {@code 24h}, {@code 7d}. */
public record Period(String text, Duration duration) {

    private static final Pattern TEXT = Pattern.compile("([1-9]\\d{0,5})([mhdw])");
    /** No period is longer than a year: a spending limit over more is a budget, not a rate. */
    public static final Duration MAX = Duration.ofDays(366);

    /** @throws IllegalArgumentException saying what is wrong */
    public static Period parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not a period: a whole number and `m`, `h`, `d` or `w`, like `24h`");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(MAX) > 0) throw new IllegalArgumentException("`" + text + "` is longer than the longest period, 366 days");
        return new Period(m.group(0), d);
    }

    @Override
    public String toString() {
        return text;
    }
}
