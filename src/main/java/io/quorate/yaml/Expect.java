package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Typed reads of a {@link YamlNode} tree that record a diagnostic and return null (or an empty
 * list) instead of throwing, so a loader reads on and reports every problem at once.
 * Every method takes {@code context}, the chain of names leading to the node
 * (``account `vault`: authority `admin`: `threshold```), which starts each message.
 */
public final class Expect {

    public static final String WRONG_TYPE = "wrong-type";
    public static final String MISSING_FIELD = "missing-field";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String OUT_OF_RANGE = "out-of-range";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String INVALID_VALUE = "invalid-value";

    /**
     * Problems that get a "did you mean": each suggestion compares the word with every name of
     * the policy set, and only the first {@code InputException.MAX_SHOWN} problems are shown.
     * 2,200 mistyped key names among 35,000 took minutes with a suggestion for every one.
     */
    static final int SUGGESTED_PROBLEMS = 200;

    private final List<Diagnostic> diagnostics;

    public Expect(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public void error(String code, SourceLocation at, String message, String help) {
        diagnostics.add(Diagnostic.error(code, at, message, help));
    }

    /** The node as a mapping (its repeated keys reported as {@code duplicate-key}), or null. */
    public YamlMapping mapping(YamlNode node, String context) {
        return mapping(node, context, DUPLICATE_KEY, "field");
    }

    /**
     * The node as a mapping, or null. A key written twice is reported with {@code duplicateCode},
     * calling the key a {@code what} ("account", "key name").
     */
    public YamlMapping mapping(YamlNode node, String context, String duplicateCode, String what) {
        if (node instanceof YamlMapping m) {
            // one index for all duplicates: looking each up in the entries cost entries × duplicates
            Map<String, SourceLocation> firsts = new HashMap<>();
            if (!m.duplicates().isEmpty()) m.entries().forEach(e -> firsts.put(e.key(), e.keyAt()));
            for (YamlMapping.Entry d : m.duplicates()) {
                SourceLocation first = firsts.get(d.key());
                error(duplicateCode, d.keyAt(), context + ": " + what + " `" + d.key() + "` is given twice (first at line "
                        + first.line() + ")", "remove one of them");
            }
            return m;
        }
        wrongType(node, context, "a mapping");
        return null;
    }

    /** The node as a mapping; a missing or null node is an empty mapping. */
    public YamlMapping optionalMapping(YamlNode node, String context, SourceLocation fallback) {
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return new YamlMapping(List.of(), List.of(), node == null ? fallback : node.at());
        }
        return mapping(node, context);
    }

    /** The items of a list; a missing or null node is an empty list; anything else is reported. */
    public List<YamlNode> list(YamlNode node, String context) {
        if (node == null || node instanceof YamlScalar s && s.isNull()) return List.of();
        if (node instanceof YamlSequence seq) return seq.items();
        wrongType(node, context, "a list");
        return List.of();
    }

    /**
     * The text of a scalar, or null. Numbers and booleans count as text here: a name such as
     * {@code 12345} or a key such as {@code true} is still what the user wrote.
     */
    public String string(YamlNode node, String context) {
        if (node instanceof YamlScalar s && !s.isNull()) return s.text();
        wrongType(node, context, "a string");
        return null;
    }

    /** Strings of a list ({@code [A, T]}); items of the wrong type are reported and skipped. */
    public List<String> strings(YamlNode node, String context) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = list(node, context);
        for (int i = 0; i < items.size(); i++) {
            String s = string(items.get(i), context + " " + (i + 1));
            if (s != null) out.add(s);
        }
        return out;
    }

    /** An integer within {@code range}, or null. */
    public Long integer(YamlNode node, String context, IntRange range) {
        if (!(node instanceof YamlScalar s) || s.kind() != YamlScalar.Kind.INT || s.integer() == null) {
            wrongType(node, context, "an integer");
            return null;
        }
        BigInteger v = s.integer();
        if (v.bitLength() > 63 || !range.contains(v.longValue())) {
            String why = range.explanation() == null ? "" : " (" + range.explanation() + ")";
            error(OUT_OF_RANGE, node.at(), context + ": " + v + " is out of range: expected " + range.bounds() + why, null);
            return null;
        }
        return v.longValue();
    }

    /** {@link #integer} narrowed to an int; the range must fit in an int. */
    public Integer integerInt(YamlNode node, String context, IntRange range) {
        Long v = integer(node, context, range);
        return v == null ? null : Math.toIntExact(v);
    }

    public Boolean bool(YamlNode node, String context) {
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOL) return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
        wrongType(node, context, "`true` or `false`");
        return null;
    }

    /** An ISO-8601 instant ({@code 2027-01-01T00:00:00Z}, or with an offset), or null. */
    public Instant instant(YamlNode node, String context) {
        String text = string(node, context);
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                error(INVALID_VALUE, node.at(), context + ": `" + text + "` is not an ISO-8601 instant",
                        "write a UTC time such as `2027-01-01T00:00:00Z`");
                return null;
            }
        }
    }

    /** {@link Suggest#didYouMean} while few problems have been found, else null. */
    public String didYouMean(String word, Collection<String> candidates) {
        return diagnostics.size() < SUGGESTED_PROBLEMS ? Suggest.didYouMean(word, candidates) : null;
    }

    /** Reports every key of {@code m} not in {@code allowed}, suggesting the closest allowed one. */
    public void onlyFields(YamlMapping m, String context, Collection<String> allowed) {
        for (YamlMapping.Entry e : m.entries()) {
            if (allowed.contains(e.key())) continue;
            String suggestion = Suggest.didYouMean(e.key(), allowed);
            String help = suggestion != null ? suggestion
                    : "expected one of " + allowed.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
            error(UNKNOWN_FIELD, e.keyAt(), context + ": unknown field `" + e.key() + "`", help);
        }
    }

    /** Reports every key of {@code m} that {@code form} does not declare. */
    public void onlyFields(YamlMapping m, String context, Form.Obj form) {
        onlyFields(m, context, form.names());
    }

    /**
     * The value of {@code field}, which {@code form} declares required, or null (reported as
     * {@code missing-field}). Asking for a field the form calls optional is a programming error:
     * the loader and the schema would disagree.
     */
    public YamlNode required(YamlMapping m, Form.Obj form, String field, String context) {
        if (!form.field(field).required()) {
            throw new IllegalStateException("field `" + field + "` is read as required but declared optional");
        }
        return required(m, field, context);
    }

    /** The value of a field that must be present, or null (reported as {@code missing-field}). */
    public YamlNode required(YamlMapping m, String field, String context) {
        YamlNode v = m.get(field);
        if (v == null) {
            error(MISSING_FIELD, m.at(), context + ": missing field `" + field + "`", null);
        }
        return v;
    }

    private void wrongType(YamlNode node, String context, String expected) {
        if (node == null) return;
        error(WRONG_TYPE, node.at(), context + ": expected " + expected + ", found " + node.describe(), help(node, expected));
    }

    /** Advice for a value that is text only because a YAML mark lacks its space ({@code -a} for {@code - a}). */
    private static String help(YamlNode node, String expected) {
        if (node instanceof YamlScalar n && n.isNull() && !n.quoted() && (expected.equals("a mapping") || expected.equals("a list"))) {
            return "nothing is written after the key: if what belongs to it is on the lines below, indent them further than the key";
        }
        if (!(node instanceof YamlScalar s) || s.quoted() || s.kind() != YamlScalar.Kind.STRING) return null;
        String text = s.text();
        if (expected.equals("a list") && text.length() > 1 && text.charAt(0) == '-' && text.charAt(1) != ' ') {
            return "a list item is `- ` with a space: write `- " + text.substring(1).split(" -", 2)[0].strip() + "`";
        }
        if (expected.equals("a mapping") && text.matches("[^\\s:]+:[^\\s].*")) {
            int colon = text.indexOf(':');
            return "a key is followed by `: `, colon and space: write `" + text.substring(0, colon) + ": " + text.substring(colon + 1) + "`";
        }
        return null;
    }
}
