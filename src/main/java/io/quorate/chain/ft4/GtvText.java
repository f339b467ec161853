package io.quorate.chain.ft4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.yaml.InputLimits;
import java.math.BigInteger;

/**
 * Reads the GTV notation {@code chr query} prints: {@code null}, integers (a big integer ends in
 * {@code L}), {@code "strings"}, byte arrays {@code x"0A1B"}, arrays {@code [a, b]} and dicts
 * {@code ["key": value, …]}. Byte arrays become hex strings, as in the JSON of the node's REST API.
 */
final class GtvText {

    /** Where the text stops being GTV notation. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DIGITS = 1000;

    private final String text;
    private int at;
    /** Arrays and dicts nest at most this deep, as JSON does (the input bound). */
    private static final int MAX_DEPTH = InputLimits.DEFAULT.maxDepth();

    private int depth;

    private GtvText(String text) {
        this.text = text;
    }

    static JsonNode parse(String text) throws SyntaxError {
        GtvText p = new GtvText(text);
        JsonNode value = p.value();
        p.space();
        if (p.at < text.length()) throw p.error("unexpected " + p.describe() + " after the value");
        return value;
    }

    private JsonNode value() throws SyntaxError {
        space();
        if (at >= text.length()) throw error("the value ends early");
        char c = text.charAt(at);
        if (c == '[') return container();
        if (c == '"') return NODES.textNode(string());
        if ((c == 'x' || c == 'X') && at + 1 < text.length() && text.charAt(at + 1) == '"') {
            int start = at;
            at++;
            String hex = string();
            if (!hex.matches("([0-9a-fA-F]{2})*")) {
                at = start;
                throw error("x\"…\" holds `" + hex + "`, which is not hex");
            }
            return NODES.textNode(hex);
        }
        if (c == '-' || Character.isDigit(c)) return number();
        for (String word : new String[] {"null", "true", "false"}) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word.equals("null") ? NODES.nullNode() : NODES.booleanNode(word.equals("true"));
            }
        }
        throw error("unexpected " + describe());
    }

    /** {@code [values]} or {@code ["key": value, …]}: a dict when the first element is followed by a colon. */
    private JsonNode container() throws SyntaxError {
        if (++depth > MAX_DEPTH) throw error("arrays and dicts nest more than " + MAX_DEPTH + " levels deep");
        at++;
        space();
        if (peek(']')) {
            at++;
            return NODES.arrayNode();
        }
        ArrayNode array = null;
        ObjectNode dict = null;
        while (true) {
            JsonNode first = value();
            space();
            if (array == null && dict == null) {
                if (peek(':') && first.isTextual()) dict = NODES.objectNode();
                else array = NODES.arrayNode();
            }
            if (dict != null) {
                if (!first.isTextual() || !peek(':')) throw error("expected `\"key\": value` in a dict");
                at++;
                dict.set(first.asText(), value());
                space();
            } else {
                array.add(first);
            }
            if (peek(',')) {
                at++;
                space();
                if (peek(']')) break;
                continue;
            }
            if (peek(']')) break;
            throw error("expected `,` or `]`, got " + describe());
        }
        at++;
        depth--;
        return dict != null ? dict : array;
    }

    private String string() throws SyntaxError {
        at++;
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') return out.toString();
            if (c == '\\' && at < text.length()) {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (at + 4 > text.length()) throw error("a \\u escape ends early");
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw error("a string is not closed");
    }

    private JsonNode number() throws SyntaxError {
        int start = at;
        if (peek('-')) at++;
        while (at < text.length() && Character.isDigit(text.charAt(at))) at++;
        String digits = text.substring(start, at);
        if (digits.equals("-")) throw error("expected digits after `-`");
        // reading a number costs the square of its digits; JSON's reader refuses the same length
        if (digits.length() > MAX_DIGITS) {
            at = start;
            throw error("a number of " + digits.length() + " digits: at most " + MAX_DIGITS + " are read");
        }
        if (peek('L')) at++;
        return NODES.numberNode(new BigInteger(digits));
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private String describe() {
        return at >= text.length() ? "end of text" : "`" + text.charAt(at) + "`";
    }

    private SyntaxError error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SyntaxError("line " + line + ", column " + column + ": " + message);
    }
}
