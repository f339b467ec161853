package io.quorate.spending;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Periods as the formats write them: a whole number and a unit, {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}. */
public final class Periods {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");
    /** The longest period accepted: ten years. */
    public static final Duration LONGEST = Duration.ofDays(3660);

    private Periods() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("period `" + text + "` is not a number and a unit (s, m, h, d, w), like `24h`");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(LONGEST) > 0) throw new IllegalArgumentException("period `" + text + "` is longer than ten years");
        return d;
    }

    /** The shortest text {@link #parse} reads back as {@code d}: a whole number of days over one in days ({@code 7d}), else hours ({@code 24h}), minutes or seconds. */
    public static String format(Duration d) {
        if (d.isNegative() || d.isZero() || d.getNano() != 0) throw new IllegalArgumentException("not a whole positive number of seconds: " + d);
        long s = d.getSeconds();
        if (s % 86_400 == 0 && s / 86_400 <= 999_999 && s > 86_400) return s / 86_400 + "d";
        if (s % 3_600 == 0 && s / 3_600 <= 999_999) return s / 3_600 + "h";
        if (s % 60 == 0 && s / 60 <= 999_999) return s / 60 + "m";
        return s + "s";
    }
}
