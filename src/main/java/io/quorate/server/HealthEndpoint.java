package io.quorate.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /health} (and {@code /health/ready}): 200 when a compiled policy is serving, else
 * 503. {@code GET /health/live}: 200 while the process answers. The status is {@code degraded}
 * while the service answers but something is wrong that its operator must know: the last reload
 * was rejected, the decision log cannot be written, {@code --watch} has lost the policy files, or
 * the spending store failed (rules about spending deny until it works again);
 * {@code details.problems} says which.
 */
final class HealthEndpoint {

    private final PolicyStore store;
    private final DecisionLog log;
    private final WatchState watch;
    private final io.quorate.spending.SpendingStore spending;

    HealthEndpoint(PolicyStore store, DecisionLog log, WatchState watch, io.quorate.spending.SpendingStore spending) {
        this.store = store;
        this.log = log;
        this.watch = watch;
        this.spending = spending;
    }

    void ready(Exchange x) {
        ObjectNode o = body();
        boolean ready = o.get("ready").asBoolean();
        // A probe's 503 is counted as what it is, not as an ordinary answer.
        if (!ready) x.outcome = ErrorCode.POLICY_NOT_READY;
        x.json(ready ? 200 : 503, o);
    }

    void live(Exchange x) {
        x.json(200, body());
    }

    private ObjectNode body() {
        ServingPolicy serving = store.current();
        ReloadFailure failure = store.lastFailure();
        String logFailure = log == null ? null : log.failure();
        String watchProblem = watch.problem();
        ObjectNode o = Json.MAPPER.createObjectNode();
        String spendingFailure = spending == null ? null : spending.failure();
        boolean degraded = failure != null || logFailure != null || watchProblem != null || spendingFailure != null;
        o.put("status", serving == null ? "unavailable" : degraded ? "degraded" : "ok");
        o.put("live", true);
        o.put("ready", serving != null);
        ObjectNode details = o.putObject("details");
        details.put("revision", serving == null ? null : serving.revision());
        ArrayNode problems = details.putArray("problems");
        if (serving == null) problem(problems, "policy-not-ready", "no policy has compiled yet");
        if (failure != null) problem(problems, "policy-reload-failed", failure.message());
        if (logFailure != null) problem(problems, "decision-log-failing", "decision log: " + logFailure);
        if (watchProblem != null) problem(problems, "policy-watch-lost", watchProblem);
        if (spendingFailure != null) problem(problems, "spending-failing", spendingFailure);
        details.set("last_reload_error", failure == null ? null : PolicyEndpoint.failureJson(failure));
        if (log != null) {
            details.putObject("decision_log").put("queued", log.queued()).put("written", log.written())
                    .put("overflows", log.overflows()).put("dropped", log.dropped()).put("write_errors", log.writeErrors())
                    .put("error", logFailure);
        }
        return o;
    }

    private static void problem(ArrayNode problems, String code, String message) {
        problems.addObject().put("code", code).put("message", message);
    }
}
