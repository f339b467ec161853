package io.quorate.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.diag.Diagnostic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A record that could not be decided or screened, as the dead-letter topic holds it: the error
 * (a stable code, a message, each problem with its line and column in the record and advice),
 * where the record came from, and the record itself, as text or, when it is not UTF-8, base64.
 * Nothing that comes in is dropped silently: every input record gives an output record or one of these.
 */
record DeadLetter(String code, String message, List<Diagnostic> problems, RecordOrigin origin, String key, byte[] value) {

    static final String EMPTY_RECORD = "empty-record";
    static final String NOT_UTF8 = "not-utf8";
    static final String MALFORMED_JSON = "malformed-json";
    static final String INVALID_TRANSACTION = "invalid-transaction";
    static final String UNDECIDABLE_TRANSACTION = "undecidable-transaction";
    static final String NOT_ONE_TRANSACTION = "not-one-transaction";
    static final String POLICY_NOT_READY = "policy-not-ready";
    static final String UNTRUSTED_APPROVALS = "untrusted-approvals";
    static final String INVALID_ACCOUNT = "invalid-account";
    static final String INTERNAL_ERROR = "internal-error";

    private static final JsonFactory FACTORY = new JsonFactory();

    DeadLetter {
        problems = List.copyOf(problems);
    }

    static DeadLetter of(String code, String message, RecordOrigin origin, String key, byte[] value) {
        return new DeadLetter(code, message, List.of(), origin, key, value);
    }

    String json() {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeArrayFieldStart("errors");
            for (Diagnostic d : problems) problem(g, d);
            g.writeEndArray();
            g.writeObjectFieldStart("source");
            g.writeStringField("topic", origin.topic());
            g.writeNumberField("partition", origin.partition());
            g.writeNumberField("offset", origin.offset());
            g.writeStringField("key", key);
            g.writeEndObject();
            String text = value == null ? null : RecordText.utf8(value);
            if (text != null) {
                g.writeStringField("value", text);
            } else if (value != null) {
                g.writeStringField("value_base64", RecordText.base64(value));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void problem(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", d.code());
        g.writeStringField("message", d.message());
        if (d.at() != null && d.at().line() > 0) {
            g.writeNumberField("line", d.at().line());
            g.writeNumberField("column", d.at().column());
        }
        if (d.help() != null) g.writeStringField("help", d.help());
        g.writeEndObject();
    }
}
