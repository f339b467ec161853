package io.quorate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.engine.ActionDecision;
import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import java.util.List;
import java.util.Map;

/** The decision object of the format contract, as JSON (one object per transaction). */
public final class DecisionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DecisionJson() {
    }

    public static ObjectNode toJson(Decision d) {
        return toJson(d, Map.of());
    }

    /** The decision with {@code ids}: the on-chain ids of the names it uses, shown next to them when there are any. */
    public static ObjectNode toJson(Decision d, Map<String, String> ids) {
        ObjectNode o = MAPPER.createObjectNode();
        if (d.id() != null) o.put("id", d.id());
        o.put("decision", d.decision().label());
        o.put("account", d.account());
        o.put("action", d.action());
        o.put("required", d.required());
        o.put("satisfied_by", d.satisfiedBy());
        o.put("weight", d.weight());
        o.put("threshold", d.threshold());
        o.set("used_keys", strings(d.usedKeys()));
        o.set("unused_keys", strings(d.unusedKeys()));
        ArrayNode missing = o.putArray("missing");
        d.missing().forEach(set -> missing.add(strings(set)));
        o.set("reasons", reasons(d.reasons()));
        o.put("policy_revision", d.policyRevision());
        if (!ids.isEmpty()) {
            ObjectNode idNode = o.putObject("ids");
            ids.forEach(idNode::put);
        }
        if (d.actions().size() > 1) {
            ArrayNode actions = o.putArray("actions");
            for (ActionDecision a : d.actions()) {
                ObjectNode an = actions.addObject();
                an.put("decision", a.decision().label());
                an.put("account", a.account());
                an.put("action", a.action());
                an.put("required", a.required());
                an.put("satisfied_by", a.satisfiedBy());
                an.put("weight", a.weight());
                an.put("threshold", a.threshold());
                an.set("reasons", reasons(a.reasons()));
            }
        }
        return o;
    }

    /** One line of JSON. */
    public static String line(Decision d) {
        return toJson(d).toString();
    }

    public static String line(Decision d, Map<String, String> ids) {
        return toJson(d, ids).toString();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode reasons(List<Reason> reasons) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Reason r : reasons) {
            a.addObject().put("code", r.code()).put("message", r.message());
        }
        return a;
    }
}
