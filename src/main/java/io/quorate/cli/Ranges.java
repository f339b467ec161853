package io.quorate.cli;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Checks the {@link Range} of every numeric option of the command a command line runs. */
final class Ranges {

    private Ranges() {
    }

    /** The first option out of its range, as a one-line message, or null when all are in range. */
    static String problem(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) last = last.subcommand();
        for (OptionSpec option : last.commandSpec().options()) {
            if (!(option.userObject() instanceof Field field)) continue;
            Range range = field.getAnnotation(Range.class);
            if (range == null) continue;
            Object value = option.getValue();
            List<?> values = value instanceof Collection<?> c ? List.copyOf(c) : value == null ? List.of() : List.of(value);
            for (Object v : values) {
                if (v instanceof Number n && !within(n.doubleValue(), range)) return option.longestName() + " " + bounds(range) + ", got `" + shown(n) + "`";
            }
        }
        return null;
    }

    static boolean within(double v, Range r) {
        boolean low = r.aboveMin() ? v > r.min() : v >= r.min();
        return low && v <= r.max() && !Double.isNaN(v);
    }

    static String bounds(Range r) {
        boolean hasMax = r.max() != Double.POSITIVE_INFINITY;
        if (r.aboveMin()) return hasMax ? "must be above " + number(r.min()) + " and at most " + number(r.max()) : "must be above " + number(r.min());
        return hasMax ? "must be between " + number(r.min()) + " and " + number(r.max()) : "must be at least " + number(r.min());
    }

    private static String shown(Number n) {
        return n instanceof Double || n instanceof Float ? number(n.doubleValue()) : n.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
