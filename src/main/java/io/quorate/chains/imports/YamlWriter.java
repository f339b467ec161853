package io.quorate.chains.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists and scalars as YAML the way the policy examples are written:
 * structure in block style, small entries such as {@code {key: alice, weight: 1}} and
 * {@code [A, T]} on one line, strings quoted only where YAML would read them otherwise.
 */
public final class YamlWriter {

    /** A map always written in block style (accounts, permissions), never folded onto one line. */
    public static final class Block extends java.util.LinkedHashMap<String, Object> {
    }

    private static final int WIDTH = 100;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@/\\-]*(::[A-Za-z0-9_.\\-]+)?");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    public static String write(List<String> comments, Map<String, Object> root) {
        YamlWriter w = new YamlWriter();
        comments.forEach(c -> w.out.append("# ").append(c).append('\n'));
        w.block(root, 0);
        return w.out.toString();
    }

    private void block(Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = scalar(e.getKey());
            Object v = e.getValue();
            pad(indent).append(key).append(':');
            String flow = flowIfFits(v, indent + key.length() + 2);
            if (flow != null) {
                out.append(' ').append(flow).append('\n');
            } else if (v instanceof Map<?, ?> m) {
                out.append('\n');
                block(m, indent + 2);
            } else {
                out.append('\n');
                list((List<?>) v, indent + 2);
            }
        }
    }

    private void list(List<?> items, int indent) {
        for (Object item : items) {
            String flow = flowIfFits(item, indent + 2);
            if (flow != null) {
                pad(indent).append("- ").append(flow).append('\n');
            } else if (item instanceof Map<?, ?> m) {
                // the first entry on the dash's line, the rest under it
                YamlWriter entries = new YamlWriter();
                entries.block(m, indent + 2);
                pad(indent).append("- ").append(entries.out.substring(indent + 2));
            } else {
                pad(indent).append("-\n");
                list((List<?>) item, indent + 2);
            }
        }
    }

    /** The value on one line, or null when it is structure or too long for the line. */
    private static String flowIfFits(Object v, int column) {
        if (v instanceof Block b && !b.isEmpty()) return null;
        if (v instanceof List<?> l && l.stream().anyMatch(Map.class::isInstance)) return null;
        String flow = flow(v, 0);
        return flow != null && (column + flow.length() <= WIDTH || !(v instanceof Map || v instanceof List)) ? flow : null;
    }

    /** One-line form, or null when the value nests more than two levels. */
    private static String flow(Object v, int depth) {
        if (v instanceof Map<?, ?> m) {
            if (depth >= 2 && !m.isEmpty()) return null;
            StringBuilder s = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String inner = flow(e.getValue(), depth + 1);
                if (inner == null) return null;
                if (s.length() > 1) s.append(", ");
                s.append(scalar(e.getKey())).append(": ").append(inner);
            }
            return s.append('}').toString();
        }
        if (v instanceof List<?> l) {
            if (depth >= 2 && !l.isEmpty()) return null;
            StringBuilder s = new StringBuilder("[");
            for (Object item : l) {
                String inner = flow(item, depth + 1);
                if (inner == null) return null;
                if (s.length() > 1) s.append(", ");
                s.append(inner);
            }
            return s.append(']').toString();
        }
        return scalar(v);
    }

    public static String scalar(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean || v instanceof Number) return v.toString();
        String s = v.toString();
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) return s;
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    private StringBuilder pad(int indent) {
        return out.append(" ".repeat(indent));
    }
}
