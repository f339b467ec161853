package io.quorate.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the vectors the chains' own libraries wrote (src/test/vectors/generate.mjs). */
final class Vectors {

    private Vectors() {
    }

    static JsonNode load(String chain) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + chain + ".json")) {
            if (in == null) throw new IllegalStateException("missing vectors/" + chain + ".json");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON as the loader hands it to the native serializers: maps, lists, scalar text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(JsonNode node) {
        return (Map<String, Object>) plain(node);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(plain(item)));
            return out;
        }
        return node.isNull() ? null : node.asText();
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    static Evidence evidence(String digestHex, SignatureEntry... entries) {
        return new Evidence(hex(digestHex), List.of(entries), "digest");
    }

    /** {@code text} with the character at {@code index} changed to another of the same alphabet. */
    static String tamper(String text, int index, String alphabet) {
        char c = text.charAt(index);
        char replacement = alphabet.charAt((alphabet.indexOf(c) + 1) % alphabet.length());
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }
}
