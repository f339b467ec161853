package io.quorate.rules;

import io.quorate.compile.Entry;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How rule conditions write their arguments. */
public final class Conditions {

    private Conditions() {
    }

    /** {@code name(threshold, entry, entry, …)}: a checker called with the authority's threshold and entries. */
    public static String call(String name, long threshold, Entry[] entries) {
        StringBuilder sb = new StringBuilder(name).append('(').append(number(threshold));
        for (Entry e : entries) sb.append(", ").append(e.drl());
        return sb.append(')').toString();
    }

    /** A whole number as DRL reads it: with the long suffix only where an int would not hold it. */
    public static String number(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    public static String strings(String name, String[] values) {
        return name + Arrays.stream(values).map(io.quorate.compile.Drl::string).collect(Collectors.joining(", ", "(", ")"));
    }
}
