package io.quorate.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON pointer ({@code /actions/0/account}) of the field written at a line and column of a
 * request body, so an error can name the field it is about, not only where it is.
 */
final class FieldPointer {

    private FieldPointer() {
    }

    /** The pointer of the value or key starting at {@code line:column} (1-based); null for the whole body or when nothing starts there. */
    static String at(String json, int line, int column) {
        if (line <= 0) return null;
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonLocation l = p.currentTokenLocation();
                if (l.getLineNr() > line || l.getLineNr() == line && l.getColumnNr() > column) return null;
                if (l.getLineNr() == line && l.getColumnNr() == column) return pointer(p, t);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The pointers of the values or keys starting at each of {@code positions} ({@link #position}),
     * found in one pass over the body however many there are; positions where nothing starts are absent.
     */
    static Map<Long, String> all(String json, Set<Long> positions) {
        Map<Long, String> found = new HashMap<>();
        if (positions.isEmpty()) return found;
        long last = Collections.max(positions);
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null && found.size() < positions.size()) {
                JsonLocation l = p.currentTokenLocation();
                long at = position(l.getLineNr(), l.getColumnNr());
                if (at > last) break;
                if (positions.contains(at)) found.putIfAbsent(at, pointerOrRoot(p, t));
            }
        } catch (IOException | RuntimeException e) {
            // a body that stops parsing keeps the pointers found before the fault
        }
        found.values().removeIf(java.util.Objects::isNull);
        return found;
    }

    /** A line and column as one ordered number. */
    static long position(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private static String pointerOrRoot(JsonParser p, JsonToken t) {
        String s = pointer(p, t);
        return s == null ? "" : s;
    }

    private static String pointer(JsonParser p, JsonToken t) {
        JsonStreamContext c = p.getParsingContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) c = c.getParent();
        String s = c == null ? "" : c.pathAsPointer().toString();
        return s.isEmpty() ? null : s;
    }
}
