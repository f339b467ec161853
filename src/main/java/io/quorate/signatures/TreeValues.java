package io.quorate.signatures;

import java.util.List;

/** Values of a signed transaction as its tools print it (JSON read into maps and lists); a wrong value says where it is. */
public final class TreeValues {

    private TreeValues() {
    }

    public static String text(Object v, String path) {
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(path + ": expected a string" + (v == null ? ", got nothing" : ""));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v, String path) {
        if (v instanceof List<?> l) return (List<Object>) l;
        throw new IllegalArgumentException(path + ": expected a list" + (v == null ? ", got nothing" : ""));
    }

    public static long integer(Object v, String path, long min, long max) {
        String text = text(v, path);
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": `" + text + "` is not a whole number");
        }
        if (value < min || value > max) throw new IllegalArgumentException(path + ": " + value + " is out of range [" + min + ", " + max + "]");
        return value;
    }
}
