package io.quorate.chains.imports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node's error answer instead of an account: JSON-RPC's {@code {"error": {"code", "message"}}}
 * (Hive, Casper), Antelope's {@code {"code", "message", "error": {"what", "details"}}}, or a bare
 * {@code {"code", "message"}}. Recognised before any chain reads the file, so it is reported as
 * what it is rather than as missing fields.
 */
final class NodeError {

    private NodeError() {
    }

    /** What the node said, or null when {@code root} is no error answer. */
    static String of(JsonNode root) {
        if (root == null || !root.isObject() || root.has("result")) return null;
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            if (error.isTextual()) return quoted(error.asText());
            // Antelope's `what` is a category ("unspecified"); its details say what went wrong
            String detail = detail(error);
            String said = join(text(root, "message"), join(text(error, "message"), detail != null ? detail : text(error, "what")));
            return said == null ? "an error without a message" : said + code(root.has("code") ? root : error);
        }
        if (root.has("code") && root.has("message") && root.size() <= 3) return join(text(root, "message"), null) + code(root);
        return null;
    }

    private static String detail(JsonNode error) {
        JsonNode details = error.get("details");
        if (details == null || !details.isArray() || details.isEmpty()) return text(error, "data");
        return text(details.get(0), "message");
    }

    private static String code(JsonNode node) {
        JsonNode c = node.get("code");
        return c == null || c.isNull() ? "" : " (code " + c.asText() + ")";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String t = v.asText().strip();
        return t.isEmpty() ? null : t;
    }

    private static String join(String first, String second) {
        if (first == null) return second == null ? null : quoted(second);
        if (second == null) return quoted(first);
        return quoted(first) + ": " + quoted(second);
    }

    private static String quoted(String s) {
        return s.startsWith("`") ? s : "`" + s + "`";
    }
}
