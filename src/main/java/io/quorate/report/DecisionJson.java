package io.quorate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.conditions.ConditionsOutcome;
import io.quorate.engine.ActionDecision;
import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The decision object of the format contract, as JSON (one object per transaction). Written
 * field by field to a generator, so a service answering thousands of decisions builds no trees.
 */
public final class DecisionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private DecisionJson() {
    }

    /**
     * Writes the decision as one JSON object. {@code ids}: the on-chain ids of the names it uses,
     * shown next to them when there are any; {@code decisionId}: the id a service gives the
     * decision, or null.
     */
    public static void write(JsonGenerator g, Decision d, Map<String, String> ids, String decisionId) throws IOException {
        g.writeStartObject();
        if (d.id() != null) g.writeStringField("id", d.id());
        g.writeStringField("decision", d.decision().label());
        g.writeStringField("account", d.account());
        g.writeStringField("action", d.action());
        g.writeStringField("required", d.required());
        g.writeStringField("satisfied_by", d.satisfiedBy());
        g.writeNumberField("weight", d.weight());
        g.writeNumberField("threshold", d.threshold());
        strings(g, "used_keys", d.usedKeys());
        strings(g, "unused_keys", d.unusedKeys());
        // a denial also tells which keys added weight, where the chain's marks left some of them unused
        if (!d.allowed() && !d.countedKeys().equals(d.usedKeys())) strings(g, "counted_keys", d.countedKeys());
        g.writeArrayFieldStart("missing");
        for (List<String> set : d.missing()) {
            g.writeStartArray();
            for (String k : set) g.writeString(k);
            g.writeEndArray();
        }
        g.writeEndArray();
        reasons(g, d.reasons());
        if (d.conditions() != null) conditions(g, d.conditions());
        g.writeStringField("policy_revision", d.policyRevision());
        if (!ids.isEmpty()) {
            g.writeObjectFieldStart("ids");
            for (Map.Entry<String, String> e : ids.entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
        }
        if (d.actions().size() > 1) {
            g.writeArrayFieldStart("actions");
            for (ActionDecision a : d.actions()) {
                g.writeStartObject();
                g.writeStringField("decision", a.decision().label());
                g.writeStringField("account", a.account());
                g.writeStringField("action", a.action());
                g.writeStringField("required", a.required());
                g.writeStringField("satisfied_by", a.satisfiedBy());
                g.writeNumberField("weight", a.weight());
                g.writeNumberField("threshold", a.threshold());
                reasons(g, a.reasons());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (decisionId != null) g.writeStringField("decision_id", decisionId);
        g.writeEndObject();
    }

    /** One line of JSON. */
    public static String line(Decision d) {
        return line(d, Map.of());
    }

    public static String line(Decision d, Map<String, String> ids) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, d, ids, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The decision as a JSON tree, for callers that add to it. */
    public static ObjectNode toJson(Decision d) {
        return toJson(d, Map.of());
    }

    public static ObjectNode toJson(Decision d, Map<String, String> ids) {
        try {
            return (ObjectNode) MAPPER.readTree(line(d, ids));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** What the organisation's conditions concluded: the rules that matched, the outcome, the approvals required and missing. */
    private static void conditions(JsonGenerator g, ConditionsOutcome c) throws IOException {
        g.writeObjectFieldStart("conditions");
        strings(g, "matched", c.matched());
        g.writeStringField("outcome", c.outcome());
        g.writeStringField("required", c.required());
        strings(g, "missing", c.missing());
        g.writeEndObject();
    }

    private static void reasons(JsonGenerator g, List<Reason> reasons) throws IOException {
        g.writeArrayFieldStart("reasons");
        for (Reason r : reasons) {
            g.writeStartObject();
            g.writeStringField("code", r.code());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
