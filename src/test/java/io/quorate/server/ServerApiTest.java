package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.transaction.Transaction;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and every error path of the API, over real HTTP on loopback, with a bearer token configured. */
class ServerApiTest {

    static final String TOKEN = "s3cret-token";
    static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# rotated monthly\nold-token\n" + TOKEN + "\n");
        s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withLimits(4096, 5, Duration.ofSeconds(10))
                .withDecisionLog(dir.resolve("decisions.jsonl").toString(), 1024, Duration.ofSeconds(5), Set.of()));
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    private static HttpResponse<String> post(String path, String body, String... more) throws Exception {
        String[] headers = new String[AUTH.length + more.length];
        System.arraycopy(AUTH, 0, headers, 0, AUTH.length);
        System.arraycopy(more, 0, headers, AUTH.length, more.length);
        return s.post(path, body, headers);
    }

    private static JsonNode error(HttpResponse<String> r, int status, String code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode e = json(r);
        assertEquals(code, e.get("code").asText(), r.body());
        assertFalse(e.get("message").asText().isBlank());
        assertTrue(e.get("errors").isArray());
        return e;
    }

    @Test
    void authorize_answers_one_decision_naming_its_revision_and_id() throws Exception {
        HttpResponse<String> r = post("/v1/authorize", TRANSFER);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = json(r);
        assertEquals("deny", d.get("decision").asText());
        assertEquals("unsatisfied-authority", d.get("reasons").get(0).get("code").asText());
        assertEquals(s.server.revision(), d.get("policy_revision").asText());
        assertEquals("treasurer", d.get("missing").get(0).get(0).asText());
        assertFalse(d.get("decision_id").asText().isBlank());

        JsonNode allowed = json(post("/v1/authorize", "{\"id\":\"pay\",\"account\":\"test.auth\",\"action\":\"transfer\","
                + "\"signatures\":[\"ops_lead\",\"treasurer\"]}"));
        assertEquals("allow", allowed.get("decision").asText());
        assertEquals("pay", allowed.get("id").asText());
    }

    @Test
    void an_unknown_account_is_a_deny_not_an_error() throws Exception {
        HttpResponse<String> r = post("/v1/authorize", "{\"account\":\"nobody\",\"action\":\"transfer\",\"signatures\":[]}");
        assertEquals(200, r.statusCode());
        assertEquals("unknown-account", json(r).get("reasons").get(0).get("code").asText());
    }

    @Test
    void a_batch_answers_in_order_against_one_revision() throws Exception {
        String batch = "[" + TRANSFER + ",{\"id\":\"both\",\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[\"ops_lead\",\"treasurer\"]},"
                + "{\"account\":\"nobody\",\"action\":\"vote\",\"signatures\":[]}]";
        JsonNode r = json(post("/v1/authorize/batch", batch));
        assertEquals(s.server.revision(), r.get("policy_revision").asText());
        JsonNode ds = r.get("decisions");
        assertEquals(3, ds.size());
        assertEquals(List.of("deny", "allow", "deny"), List.of(ds.get(0).get("decision").asText(), ds.get(1).get("decision").asText(),
                ds.get(2).get("decision").asText()));
        assertEquals("both", ds.get(1).get("id").asText());
        for (JsonNode d : ds) assertEquals(s.server.revision(), d.get("policy_revision").asText());

        JsonNode wrapped = json(post("/v1/authorize/batch", "{\"transactions\":[" + TRANSFER + "]}"));
        assertEquals(1, wrapped.get("decisions").size());
        assertEquals(0, json(post("/v1/authorize/batch", "[]")).get("decisions").size());
    }

    @Test
    void a_body_that_is_not_json_is_400_malformed_json() throws Exception {
        JsonNode e = error(post("/v1/authorize", "{\"account\": \"test.auth\","), 400, "malformed-json");
        assertEquals(1, e.get("errors").get(0).get("line").asInt());
        error(post("/v1/authorize", ""), 400, "malformed-json");
        HttpRequest latin1 = HttpRequest.newBuilder(s.base.resolve("/v1/authorize"))
                .header("Content-Type", "application/json").header(AUTH[0], AUTH[1])
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', (byte) 0xff, '}'})).build();
        error(s.client.send(latin1, HttpResponse.BodyHandlers.ofString()), 400, "malformed-json");
    }

    @Test
    void a_wrong_field_is_400_naming_the_field() throws Exception {
        JsonNode e = error(post("/v1/authorize", "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":\"ops_lead\",\"colour\":1}"),
                400, "invalid-transaction");
        List<String> fields = e.get("errors").findValuesAsText("field");
        assertTrue(fields.contains("/signatures"), e.toString());
        assertTrue(fields.contains("/colour"), e.toString());
        JsonNode missing = error(post("/v1/authorize", "{\"action\":\"transfer\",\"signatures\":[]}"), 400, "invalid-transaction");
        assertTrue(missing.get("message").asText().contains("account"), missing.toString());
        JsonNode nested = error(post("/v1/authorize/batch", "[" + TRANSFER + ",{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[],\"context\":\"now\"}]"),
                400, "invalid-transaction");
        assertEquals("/1/context", nested.get("errors").get(0).get("field").asText(), nested.toString());
    }

    @Test
    void a_list_sent_to_single_authorize_is_400_invalid_request() throws Exception {
        error(post("/v1/authorize", "[" + TRANSFER + "," + TRANSFER + "]"), 400, "invalid-request");
        error(post("/v1/authorize", "[" + TRANSFER + "]"), 400, "invalid-request");
    }

    @Test
    void a_value_that_cannot_be_decided_on_is_422() throws Exception {
        JsonNode e = error(post("/v1/authorize", "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[],"
                + "\"context\":{\"delay_sec\":-5}}"), 422, "undecidable-transaction");
        assertEquals("/context/delay_sec", e.get("errors").get(0).get("field").asText(), e.toString());
    }

    @Test
    void a_body_that_is_not_sent_as_json_is_415() throws Exception {
        error(post("/v1/authorize", TRANSFER, "Content-Type", "text/plain"), 415, "unsupported-media-type");
        error(post("/v1/authorize", TRANSFER, "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
        assertEquals(200, post("/v1/authorize", TRANSFER, "Content-Type", "application/json; charset=utf-8").statusCode());
    }

    @Test
    void a_body_over_the_limit_is_413_whether_its_length_is_declared_or_streamed() throws Exception {
        String big = "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[\"" + "k".repeat(5000) + "\"]}";
        error(post("/v1/authorize", big), 413, "body-too-large");
        HttpRequest chunked = HttpRequest.newBuilder(s.base.resolve("/v1/authorize"))
                .header("Content-Type", "application/json").header(AUTH[0], AUTH[1])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        error(s.client.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "body-too-large");
    }

    @Test
    void a_batch_over_the_limit_is_413() throws Exception {
        String six = "[" + String.join(",", java.util.Collections.nCopies(6, TRANSFER)) + "]";
        error(post("/v1/authorize/batch", six), 413, "batch-too-large");
    }

    @Test
    void unknown_paths_are_404_and_wrong_methods_405() throws Exception {
        error(s.get("/v1/nothing", AUTH), 404, "not-found");
        HttpResponse<String> r = s.get("/v1/authorize", AUTH);
        error(r, 405, "method-not-allowed");
        assertEquals("POST", r.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void policy_describes_the_revision_its_load_time_and_accounts() throws Exception {
        JsonNode p = json(s.get("/v1/policy", AUTH));
        assertTrue(p.get("ready").asBoolean());
        assertEquals(s.server.revision(), p.get("revision").asText());
        assertNotNull(java.time.Instant.parse(p.get("loaded_at").asText()));
        assertEquals("test.auth", p.get("accounts").get(0).get("name").asText());
        assertEquals("hive", p.get("accounts").get(0).get("chain").asText());
        assertTrue(p.get("last_reload_error").isNull());
    }

    @Test
    void health_is_ready_with_a_compiled_policy_and_open_to_probes() throws Exception {
        HttpResponse<String> r = s.get("/health");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).get("ready").asBoolean());
        assertEquals(s.server.revision(), json(r).get("details").get("revision").asText());
        assertEquals(200, s.get("/health/live").statusCode());
        assertEquals(200, s.get("/health/ready").statusCode());
    }

    @Test
    void metrics_are_prometheus_text_with_requests_decisions_reloads_and_the_jvm() throws Exception {
        post("/v1/authorize", TRANSFER);
        post("/v1/authorize", "{");
        HttpResponse<String> r = s.get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String m = r.body();
        assertTrue(m.contains("quorate_http_requests_seconds_bucket{endpoint=\"authorize\",outcome=\"ok\",status=\"200\""), m);
        assertTrue(m.contains("quorate_http_requests_seconds_count{endpoint=\"authorize\",outcome=\"malformed-json\",status=\"400\"}"), m);
        assertTrue(m.contains("quorate_decisions_total{outcome=\"deny\",reason=\"unsatisfied-authority\"}"), m);
        assertTrue(m.contains("quorate_policy_reloads_total{result=\"success\"} 1"), m);
        assertTrue(m.contains("quorate_policy_revision_info{revision=\"" + s.server.revision() + "\"} 1"), m);
        assertTrue(m.contains("jvm_memory_used_bytes"), m);
        assertTrue(m.contains("quorate_decision_log_dropped_total 0"), m);
    }

    @Test
    void lint_reports_on_the_served_policy_or_a_posted_one() throws Exception {
        HttpResponse<String> served = post("/v1/lint", null);
        assertEquals(200, served.statusCode(), served.body());
        assertEquals(s.server.revision(), json(served).get("policy_revision").asText());
        assertTrue(json(served).get("findings").isArray());

        String posted = TestServer.JSON.writeValueAsString(java.util.Map.of("policy", TestServer.policy(60), "file", "mine.yaml"));
        HttpResponse<String> r = post("/v1/lint", posted);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("test.auth"), r.body());
    }

    @Test
    void lint_rejects_an_invalid_posted_policy_and_unknown_checks() throws Exception {
        JsonNode e = error(post("/v1/lint", "{\"policy\":\"quorate: 1\\naccounts:\\n  x:\\n    chain: nowhere\\n\"}"), 400, "invalid-policy");
        assertEquals("posted.yaml", e.get("errors").get(0).get("file").asText());
        assertEquals(4, e.get("errors").get(0).get("line").asInt());
        JsonNode level = error(post("/v1/lint", "{\"levels\":{\"no-such-check\":\"off\"}}"), 400, "invalid-request");
        assertEquals("/levels/no-such-check", level.get("errors").get(0).get("field").asText());
        error(post("/v1/lint", "{\"polcy\":\"x\"}"), 400, "invalid-request");
    }

    @Test
    void a_request_without_a_token_is_401_missing_token() throws Exception {
        HttpResponse<String> r = s.post("/v1/authorize", TRANSFER);
        error(r, 401, "missing-token");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        error(s.get("/v1/policy"), 401, "missing-token");
        error(s.post("/v1/policy/reload", null), 401, "missing-token");
    }

    @Test
    void a_wrong_token_is_401_invalid_token() throws Exception {
        error(s.post("/v1/authorize", TRANSFER, "Authorization", "Bearer not-it"), 401, "invalid-token");
        error(s.post("/v1/authorize", TRANSFER, "Authorization", "Basic " + TOKEN), 401, "invalid-token");
        error(s.post("/v1/policy/reload", null, "Authorization", "Bearer " + TOKEN + "x"), 401, "invalid-token");
    }

    @Test
    void the_right_token_is_accepted_and_any_listed_token_works() throws Exception {
        assertEquals(200, s.post("/v1/authorize", TRANSFER, "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, s.post("/v1/authorize", TRANSFER, "Authorization", "Bearer old-token").statusCode());
        HttpResponse<String> reload = s.post("/v1/policy/reload", null, AUTH);
        assertEquals(200, reload.statusCode(), reload.body());
        assertFalse(json(reload).get("changed").asBoolean());
        assertEquals(200, s.get("/metrics").statusCode());
    }

    @Test
    void a_fault_while_deciding_is_a_deny_with_internal_error() {
        Decider decider = new Decider(new ServerMetrics(), null,
                new ServedSpending(io.quorate.spending.SpendingLimits.none("no spending kept"), false));
        // a serving policy whose compiled policy is missing: deciding throws, and the decision fails closed
        ServingPolicy broken = new ServingPolicy(null, null, "sha256:test", Instant.now(), 0);
        Decider.Decided d = decider.decide(broken, Transaction.of("test.auth", "transfer", List.of("ops_lead")));
        assertEquals("deny", d.decision().decision().label());
        assertEquals("internal-error", d.decision().reasons().get(0).code());
        assertEquals("sha256:test", d.decision().policyRevision());
    }
}
