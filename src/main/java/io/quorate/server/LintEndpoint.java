package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.lint.CheckRegistry;
import io.quorate.lint.Level;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.lint.render.Renderers;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /v1/lint}: the linter's JSON report. With no body (or {@code {}}) it lints the policy
 * set being served, once per revision; with {@code {"policy": TEXT or OBJECT, "file": NAME}} it
 * lints the posted policy. {@code "levels": {"check-id": "error|warning|info|off"}} changes levels.
 */
final class LintEndpoint {

    private static final Set<String> FIELDS = Set.of("policy", "file", "levels");
    private static final String DEFAULT_FILE = "posted.yaml";

    /** The served policy's report with default levels, for the revision it was made for. */
    private record Cached(String revision, LocalDate day, byte[] body) {
    }

    private final PolicyStore store;
    private final RequestBody body;
    private final LintRenderer json = Renderers.of("json");
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    LintEndpoint(PolicyStore store, RequestBody body) {
        this.store = store;
        this.body = body;
    }

    void lint(Exchange x) {
        ObjectNode request = request(x);
        Map<String, Level> levels = levels(request.get("levels"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode posted = request.get("policy");
        if (posted == null || posted.isNull()) {
            ServingPolicy serving = store.current();
            if (serving == null) throw ApiError.of(503, ErrorCode.POLICY_NOT_READY, "no policy has compiled yet: see `/v1/policy`").failure();
            if (!levels.isEmpty()) {
                send(x, render(serving.source(), levels, today));
                return;
            }
            Cached c = cache.get();
            if (c == null || !c.revision().equals(serving.revision()) || !c.day().equals(today)) {
                ServedLint loaded = serving.lint();
                // the report made when the policy was loaded, unless a day has passed since (suppressions expire)
                byte[] report = loaded != null && loaded.report() != null && loaded.day().equals(today)
                        ? json.render(loaded.report()).getBytes(StandardCharsets.UTF_8)
                        : render(serving.source(), levels, today);
                c = new Cached(serving.revision(), today, report);
                cache.set(c);
            }
            send(x, c.body());
            return;
        }
        String file = request.hasNonNull("file") ? request.get("file").asText() : DEFAULT_FILE;
        String text = posted.isTextual() ? posted.asText() : posted.isObject() ? posted.toString() : null;
        if (text == null) throw field("/policy", "`policy` is the policy's YAML or JSON text, or a policy object");
        PolicySet policy;
        try {
            policy = PolicyLoader.load(file, text);
        } catch (InputException e) {
            List<ObjectNode> errors = new ArrayList<>();
            List<Diagnostic> all = e.diagnostics();
            for (Diagnostic d : all.subList(0, Math.min(all.size(), ApiError.MAX_ERRORS))) errors.add(RequestTransactions.diagnostic(d));
            throw new ApiError(400, ErrorCode.INVALID_POLICY, "the posted policy has " + all.size()
                    + (all.size() == 1 ? " problem: " : " problems, the first: ") + all.get(0).message(),
                    errors, all.size() - errors.size()).failure();
        }
        byte[] report;
        try {
            report = render(policy, levels, today);
        } catch (RuntimeException | StackOverflowError e) {
            throw ApiError.of(422, ErrorCode.LINT_FAILED, "the linter failed on the posted policy: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())).failure();
        }
        send(x, report);
    }

    private ObjectNode request(Exchange x) {
        if (x.request.getLength() == 0 || x.request.getLength() < 0 && x.request.getHeaders().get("Content-Type") == null) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = body.tree(x);
        if (!(node instanceof ObjectNode o)) throw field("", "the body is a JSON object: `{\"policy\": ..., \"levels\": {...}}`");
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw field("/" + name, "unknown field `" + name + "`: expected policy, file or levels");
        }
        if (o.has("file") && !o.get("file").isTextual()) throw field("/file", "`file` is a file name");
        return o;
    }

    private static Map<String, Level> levels(JsonNode node) {
        Map<String, Level> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw field("/levels", "`levels` maps check ids to error, warning, info or off");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (CheckRegistry.check(e.getKey()) == null) throw field("/levels/" + e.getKey(), "unknown check `" + e.getKey() + "`");
            Level level = e.getValue().isTextual() ? Level.parse(e.getValue().asText()) : null;
            if (level == null) {
                throw field("/levels/" + e.getKey(), "check `" + e.getKey() + "`: `" + e.getValue() + "` is not error, warning, info or off");
            }
            out.put(e.getKey(), level);
        }
        return out;
    }

    private byte[] render(PolicySet policy, Map<String, Level> levels, LocalDate today) {
        LintReport report = Linter.lint(policy, new LintOptions(levels, today));
        return json.render(report).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Exchange x, byte[] body) {
        x.send(200, Exchange.JSON, body);
    }

    private static ApiError.Failure field(String pointer, String message) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("code", ErrorCode.INVALID_REQUEST).put("message", message);
        if (!pointer.isEmpty()) e.put("field", pointer);
        return new ApiError(400, ErrorCode.INVALID_REQUEST, message, List.of(e)).failure();
    }
}
