package io.quorate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /health} (and {@code /health/ready}): 200 when a compiled policy is serving, else
 * 503. {@code GET /health/live}: 200 while the process answers. The details say which revision
 * serves, the last rejected reload, and the decision log's losses.
 */
final class HealthEndpoint {

    private final PolicyStore store;
    private final DecisionLog log;

    HealthEndpoint(PolicyStore store, DecisionLog log) {
        this.store = store;
        this.log = log;
    }

    void ready(Exchange x) {
        ObjectNode o = body();
        x.json(o.get("ready").asBoolean() ? 200 : 503, o);
    }

    void live(Exchange x) {
        x.json(200, body());
    }

    private ObjectNode body() {
        ServingPolicy serving = store.current();
        ReloadFailure failure = store.lastFailure();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("status", serving == null ? "unavailable" : failure == null ? "ok" : "degraded");
        o.put("live", true);
        o.put("ready", serving != null);
        ObjectNode details = o.putObject("details");
        details.put("revision", serving == null ? null : serving.revision());
        details.set("last_reload_error", failure == null ? null : PolicyEndpoint.failureJson(failure));
        if (log != null) {
            details.putObject("decision_log").put("queued", log.queued()).put("written", log.written())
                    .put("overflows", log.overflows()).put("dropped", log.dropped()).put("write_errors", log.writeErrors());
        }
        return o;
    }
}
