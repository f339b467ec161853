package io.quorate.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

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

    private static String pointer(JsonParser p, JsonToken t) {
        JsonStreamContext c = p.getParsingContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) c = c.getParent();
        String s = c == null ? "" : c.pathAsPointer().toString();
        return s.isEmpty() ? null : s;
    }
}
