package io.quorate.chains.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quorate.yaml.InputLimits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of an imported JSON document with its path from the root. Reading a node as the wrong
 * type records a problem naming the path and gives null (or nothing), so a reader goes on and
 * every problem of a file is reported at once.
 */
public final class Json {

    /**
     * How deeply an imported document may nest, in JSON and in GTV notation alike. API answers
     * nest a few levels; the bound keeps a hostile file from overflowing the stack.
     */
    static final int MAX_DEPTH = InputLimits.DEFAULT.maxDepth();

    private final JsonNode node;
    private final String path;
    private final Sink sink;

    /** Where problems go: the file they are in, and the list they are added to. */
    public record Sink(String file, List<ImportProblem> problems) {
    }

    public Json(JsonNode node, String path, Sink sink) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.sink = sink;
    }

    public static Json root(JsonNode node, String file, List<ImportProblem> problems) {
        return new Json(node, "$", new Sink(file, problems));
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public String file() {
        return sink.file();
    }

    public boolean isMissing() {
        return node.isMissingNode();
    }

    /** Missing or null. */
    public boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean has(String field) {
        return node.isObject() && node.has(field);
    }

    public Json get(String field) {
        return new Json(node.isObject() ? node.get(field) : null, path + "." + field, sink);
    }

    public Json get(int index) {
        return new Json(node.isArray() ? node.get(index) : null, path + "[" + index + "]", sink);
    }

    /** The field, or null after recording that it is missing (or that this is not an object). */
    public Json required(String field) {
        if (!expectObject()) return null;
        Json child = get(field);
        if (child.isMissing()) {
            problem("missing field `" + field + "`", null);
            return null;
        }
        return child;
    }

    public boolean expectObject() {
        if (node.isObject()) return true;
        problem("expected an object, got " + describe(), null);
        return false;
    }

    /** The elements, or none after recording that this is not an array. */
    public List<Json> elements() {
        List<Json> out = new ArrayList<>();
        if (!node.isArray()) {
            problem("expected an array, got " + describe(), null);
            return out;
        }
        for (int i = 0; i < node.size(); i++) out.add(get(i));
        return out;
    }

    /** The elements of an optional array: none when missing or null. */
    public List<Json> optionalElements() {
        return isAbsent() ? List.of() : elements();
    }

    public String string() {
        if (node.isTextual()) return node.asText();
        problem("expected a string, got " + describe(), null);
        return null;
    }

    /** An integer in {@code [min, max]}, or null after recording why not. */
    public Long integer(long min, long max) {
        if (!node.isIntegralNumber()) {
            problem("expected an integer, got " + describe(), null);
            return null;
        }
        BigInteger v = node.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            problem("`" + v + "` is out of range: expected " + min + " to " + max, null);
            return null;
        }
        return v.longValue();
    }

    public void problem(String message, String help) {
        sink.problems().add(new ImportProblem(sink.file(), path, message, help));
    }

    public String describe() {
        if (node.isMissingNode()) return "nothing";
        if (node.isNull()) return "null";
        if (node.isObject()) return "an object";
        if (node.isArray()) return "an array";
        if (node.isTextual()) return "the string `" + abbreviate(node.asText()) + "`";
        if (node.isBoolean()) return "`" + node.asText() + "`";
        if (node.isNumber()) return "the number `" + node.asText() + "`";
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
