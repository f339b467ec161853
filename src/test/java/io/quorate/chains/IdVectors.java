package io.quorate.chains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The id vectors src/test/vectors/ids/generate.mjs computed with postchain-client, @chromia/ft4
 * and casper-js-sdk (committed as src/test/resources/vectors/ids/ids.json).
 */
public final class IdVectors {

    private static JsonNode root;

    private IdVectors() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = IdVectors.class.getResourceAsStream("/vectors/ids/ids.json")) {
                if (in == null) throw new IllegalStateException("vectors/ids/ids.json is not on the test classpath");
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static List<JsonNode> cases(String section) {
        List<JsonNode> out = new ArrayList<>();
        root().get(section).forEach(out::add);
        if (out.isEmpty()) throw new IllegalStateException("no vectors in " + section);
        return out;
    }

    /** A value written typed by the generator, as the Java object {@code Gtv} takes. */
    public static Object value(JsonNode typed) {
        if (typed.has("null")) return null;
        if (typed.has("bytes")) return HexFormat.of().parseHex(typed.get("bytes").asText());
        if (typed.has("string")) return typed.get("string").asText();
        if (typed.has("int")) return Long.parseLong(typed.get("int").asText());
        if (typed.has("bigint")) return new BigInteger(typed.get("bigint").asText());
        if (typed.has("array")) {
            List<Object> out = new ArrayList<>();
            typed.get("array").forEach(e -> out.add(value(e)));
            return out;
        }
        if (typed.has("dict")) {
            Map<String, Object> out = new LinkedHashMap<>();
            typed.get("dict").fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
            return out;
        }
        throw new IllegalArgumentException("not a typed value: " + typed);
    }
}
