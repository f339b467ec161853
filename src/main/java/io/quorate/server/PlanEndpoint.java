package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.plan.Plan;
import io.quorate.plan.PlanJson;
import io.quorate.plan.PlanLoader;
import io.quorate.plan.PlanReport;
import io.quorate.plan.PlanRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/plan}: checks a change plan step by step against the policy revision being
 * served, as {@code quorate plan --format json} does. The body is {@code {"plan": TEXT or OBJECT,
 * "file": NAME}}; the answer is {@code {"policy_revision", "steps": [...], "summary": {...}}}.
 */
final class PlanEndpoint {

    private static final Set<String> FIELDS = Set.of("plan", "file");
    private static final String DEFAULT_FILE = "posted-plan.yaml";

    private final PolicyStore store;
    private final RequestBody body;

    PlanEndpoint(PolicyStore store, RequestBody body) {
        this.store = store;
        this.body = body;
    }

    void plan(Exchange x) {
        ObjectNode request = request(x);
        ServingPolicy serving = store.current();
        if (serving == null) throw ApiError.of(503, ErrorCode.POLICY_NOT_READY, "no policy has compiled yet: see `/v1/policy`").failure();
        String file = request.hasNonNull("file") ? request.get("file").asText() : DEFAULT_FILE;
        JsonNode posted = request.get("plan");
        String text = posted == null ? null : posted.isTextual() ? posted.asText() : posted.isObject() ? posted.toString() : null;
        if (text == null) throw field("/plan", "`plan` is the change plan's YAML or JSON text, or a plan object");
        Plan plan;
        try {
            plan = PlanLoader.load(file, text, serving.source());
        } catch (InputException e) {
            List<ObjectNode> errors = new ArrayList<>();
            List<Diagnostic> all = e.diagnostics();
            for (Diagnostic d : all.subList(0, Math.min(all.size(), ApiError.MAX_ERRORS))) errors.add(RequestTransactions.diagnostic(d));
            throw new ApiError(400, ErrorCode.INVALID_PLAN, "the posted plan has " + all.size()
                    + (all.size() == 1 ? " problem: " : " problems, the first: ") + all.get(0).message(),
                    errors, all.size() - errors.size()).failure();
        }
        PlanReport report;
        try (PlanRunner runner = new PlanRunner()) {
            report = runner.run(plan);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("policy_revision", serving.revision());
        answer.setAll(PlanJson.document(report));
        x.send(200, Exchange.JSON, answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode request(Exchange x) {
        JsonNode node = body.tree(x);
        if (!(node instanceof ObjectNode o)) throw field("", "the body is a JSON object: `{\"plan\": ..., \"file\": ...}`");
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw field("/" + name, "unknown field `" + name + "`: expected plan or file");
        }
        if (o.has("file") && !o.get("file").isTextual()) throw field("/file", "`file` is a file name");
        return o;
    }

    private static ApiError.Failure field(String pointer, String message) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("code", ErrorCode.INVALID_REQUEST).put("message", message);
        if (!pointer.isEmpty()) e.put("field", pointer);
        return new ApiError(400, ErrorCode.INVALID_REQUEST, message, List.of(e)).failure();
    }
}
