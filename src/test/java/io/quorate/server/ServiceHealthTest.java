package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /health, /v1/policy and /metrics say when something the service depends on goes wrong. */
class ServiceHealthTest {

    @TempDir
    Path dir;

    /** Polls {@code check} every 100 ms for up to 15 s (the watcher resolves paths every second). */
    private static boolean eventually(Callable<Boolean> check) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (check.call()) return true;
            Thread.sleep(100);
        }
        return check.call();
    }

    private static double metric(TestServer s, String series) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(s.get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static boolean hasProblem(JsonNode health, String code) {
        for (JsonNode p : health.get("details").get("problems")) if (p.get("code").asText().equals(code)) return true;
        return false;
    }

    @Test
    void a_decision_log_on_a_full_disk_makes_health_degraded_and_is_counted() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40,
                o -> o.withDecisionLog(full.toString(), 64, Duration.ofSeconds(5), Set.of()))) {
            for (int i = 0; i < 5; i++) assertEquals(200, s.post("/v1/authorize", TRANSFER).statusCode());
            assertTrue(eventually(() -> hasProblem(json(s.get("/health")), "decision-log-failing")), s.get("/health").body());
            HttpResponse<String> health = s.get("/health");
            assertEquals(200, health.statusCode(), "the policy still serves");
            JsonNode h = json(health);
            assertEquals("degraded", h.get("status").asText());
            assertTrue(h.get("details").get("decision_log").get("error").asText().contains("No space left"), h.toString());
            assertTrue(metric(s, "quorate_decision_log_write_errors_total") >= 1, s.get("/metrics").body());
            assertEquals(1.0, metric(s, "quorate_decision_log_failing"));
        }
    }

    @Test
    void decision_log_counters_count_every_entry_after_collections() throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40,
                o -> o.withDecisionLog(log.toString(), 65_536, Duration.ofSeconds(5), Set.of()))) {
            String batch = "[" + String.join(",", Collections.nCopies(1_000, TRANSFER)) + "]";
            for (int i = 0; i < 3; i++) {
                assertEquals(200, s.post("/v1/authorize/batch", batch).statusCode());
                System.gc();
            }
            assertTrue(eventually(() -> metric(s, "quorate_decision_log_entries_total") == 3_000.0),
                    "entries: " + metric(s, "quorate_decision_log_entries_total"));
            assertEquals("ok", json(s.get("/health")).get("status").asText());
        }
    }

    @Test
    void health_answers_before_any_policy_serves_are_counted_as_not_ready() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("p"));
        Files.writeString(policy.resolve("policy.yaml"), "quorate: 1\naccounts: [broken\n");
        try (DecisionServer server = DecisionServer.start(ServerOptions.defaults(List.of(policy)).withPort(0))) {
            server.awaitFirstLoad(Duration.ofSeconds(60));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode());
            assertEquals("unavailable", json(health).get("status").asText());
            String metrics = client.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("endpoint=\"health\",outcome=\"policy-not-ready\",status=\"503\""), metrics);
            assertTrue(!metrics.contains("endpoint=\"health\",outcome=\"ok\",status=\"503\""), metrics);
        }
    }

    @Test
    void watching_survives_the_policy_directory_being_replaced_and_reports_the_gap() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        try (TestServer s = TestServer.over(policy, 40, o -> o.withWatch(true, Duration.ofMillis(100)))) {
            String first = s.server.revision();
            Files.move(policy, dir.resolve("policy.old"));
            assertTrue(eventually(() -> hasProblem(json(s.get("/health")), "policy-watch-lost")), s.get("/health").body());
            assertEquals("degraded", json(s.get("/health")).get("status").asText());
            JsonNode described = json(s.get("/v1/policy"));
            assertEquals(false, described.get("watching").asBoolean(), described.toString());
            assertTrue(described.get("watch_error").asText().contains("is missing"), described.toString());

            Path staging = Files.createDirectories(dir.resolve("staging"));
            Files.writeString(staging.resolve("policy.yaml"), TestServer.policy(45));
            Files.move(staging, policy);
            assertTrue(eventually(() -> !first.equals(s.server.revision())), "the replaced directory's policy never served");
            assertTrue(eventually(() -> json(s.get("/health")).get("status").asText().equals("ok")), s.get("/health").body());
            assertEquals(true, json(s.get("/v1/policy")).get("watching").asBoolean());

            // And the new directory is the one watched now.
            String second = s.server.revision();
            Files.writeString(policy.resolve("policy.yaml"), TestServer.policy(50));
            assertTrue(eventually(() -> !second.equals(s.server.revision())), "an edit in the new directory was not seen");
            assertNotEquals(first, s.server.revision());
        }
    }

    @Test
    void a_policy_that_starts_serving_is_logged_with_its_revision_accounts_and_time() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Path policy = Files.createDirectories(dir.resolve("p"));
        Path tokens = Files.writeString(dir.resolve("tokens"), "t\n");
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens))) {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            Files.writeString(policy.resolve("policy.yaml"), TestServer.policy(45));
            assertEquals(200, s.post("/v1/policy/reload", null, "Authorization", "Bearer t").statusCode());
            String revision = s.server.revision();
            System.setErr(err);
            String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(Pattern.compile("policy " + Pattern.quote(revision) + " loaded \\(reload requested over HTTP\\): 1 accounts in \\d+ ms")
                    .matcher(log).find(), log);
        } finally {
            System.setErr(err);
        }
    }
}
