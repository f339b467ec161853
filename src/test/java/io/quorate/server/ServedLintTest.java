package io.quorate.server;

import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every policy the server loads is linted as {@code quorate lint} lints it, before it serves: the
 * findings show in {@code /v1/policy}, the reload's answer and the metrics; under {@code --strict}
 * a reload with lint errors is refused like one that does not compile, and the old policy serves.
 */
class ServedLintTest {

    static final String TOKEN = "lint-token";
    static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

    /** A generic account anyone controls: threshold 0 is the `open-authority` error. */
    static final String OPEN = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 0, keys: [{key: k1, weight: 1}]}
            """;

    @TempDir
    Path dir;

    private TestServer server(boolean strict, boolean open) throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        if (open) Files.writeString(policy.resolve("vault.yaml"), OPEN);
        Path tokens = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        return TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withStrictLint(strict));
    }

    private static double gauge(TestServer s, String series) throws Exception {
        String metrics = s.get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }

    /** The same report `quorate lint --format json` makes, for the findings and the summary. */
    private static JsonNode lintOf(TestServer s) throws Exception {
        HttpResponse<String> r = s.post("/v1/lint", null, AUTH);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void the_served_policy_carries_its_findings_in_the_policy_answer_and_the_metrics() throws Exception {
        try (TestServer s = server(false, true)) {
            JsonNode policy = json(s.get("/v1/policy", AUTH));
            JsonNode lint = policy.get("lint");
            assertEquals(1, lint.get("summary").get("error").asInt(), lint.toString());
            assertTrue(lint.get("error").isNull());
            JsonNode report = lintOf(s);
            assertEquals(report.get("findings"), lint.get("findings"), "the findings are the linter's, in its JSON shape");
            assertEquals(report.get("summary"), lint.get("summary"));
            JsonNode open = null;
            for (JsonNode f : lint.get("findings")) if (f.get("id").asText().equals("open-authority")) open = f;
            assertTrue(open != null, lint.toString());
            assertEquals("error", open.get("severity").asText());
            assertEquals("vault", open.get("account").asText());
            assertTrue(open.get("file").asText().endsWith("vault.yaml"), open.toString());
            assertEquals(6, open.get("line").asInt());
            assertEquals(1.0, gauge(s, "quorate_policy_lint_findings{severity=\"error\"}"));
            assertEquals(lint.get("summary").get("warning").asDouble(), gauge(s, "quorate_policy_lint_findings{severity=\"warning\"}"));
            assertEquals(lint.get("summary").get("info").asDouble(), gauge(s, "quorate_policy_lint_findings{severity=\"info\"}"));
            assertEquals(0.0, gauge(s, "quorate_policy_lint_failed"));
            // without --strict the policy serves: the account answers
            HttpResponse<String> d = s.post("/v1/authorize", "{\"account\":\"vault\",\"action\":\"admin\",\"signatures\":[]}", AUTH);
            assertEquals(200, d.statusCode(), d.body());

            // a reload that fixes it: the answer and the gauges follow the new revision
            Files.writeString(dir.resolve("policy/vault.yaml"), OPEN.replace("threshold: 0", "threshold: 1"));
            HttpResponse<String> reload = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(200, reload.statusCode(), reload.body());
            assertTrue(json(reload).get("changed").asBoolean());
            assertEquals(0, json(reload).get("lint").get("summary").get("error").asInt(), reload.body());
            assertEquals(0.0, gauge(s, "quorate_policy_lint_findings{severity=\"error\"}"));
            assertEquals(json(reload).get("revision"), json(s.get("/v1/policy", AUTH)).get("revision"));

            // and one that brings the error back serves it too, with the error visible
            Files.writeString(dir.resolve("policy/vault.yaml"), OPEN);
            reload = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(200, reload.statusCode(), reload.body());
            assertEquals(1, json(reload).get("lint").get("summary").get("error").asInt(), reload.body());
            assertEquals(1.0, gauge(s, "quorate_policy_lint_findings{severity=\"error\"}"));
        }
    }

    @Test
    void under_strict_a_reload_with_lint_errors_is_refused_and_the_old_revision_keeps_serving() throws Exception {
        try (TestServer s = server(true, false)) {
            String before = s.server.revision();
            assertEquals(0, json(s.get("/v1/policy", AUTH)).get("lint").get("summary").get("error").asInt());
            Files.writeString(dir.resolve("policy/vault.yaml"), OPEN);
            HttpResponse<String> reload = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(422, reload.statusCode(), reload.body());
            JsonNode e = json(reload);
            assertEquals("policy-rejected", e.get("code").asText());
            assertTrue(e.get("message").asText().contains("1 lint error (--strict)"), e.toString());
            assertTrue(e.get("message").asText().contains("still serving " + before), e.toString());
            JsonNode first = e.get("errors").get(0);
            assertEquals("lint-error", first.get("code").asText(), e.toString());
            assertEquals("open-authority", first.get("check").asText());
            assertTrue(first.get("file").asText().endsWith("vault.yaml"), first.toString());
            assertEquals(6, first.get("line").asInt());

            JsonNode policy = json(s.get("/v1/policy", AUTH));
            assertEquals(before, policy.get("revision").asText());
            assertEquals(0, policy.get("lint").get("summary").get("error").asInt(), "the lint shown is the serving revision's");
            JsonNode failure = policy.get("last_reload_error");
            assertFalse(failure.isNull());
            assertEquals(1, failure.get("lint").get("summary").get("error").asInt(), failure.toString());
            assertEquals("lint-error", failure.get("errors").get(0).get("code").asText());
            assertEquals("degraded", json(s.get("/health")).get("status").asText());
            assertEquals(1.0, gauge(s, "quorate_policy_last_reload_failed"));
            assertEquals(0.0, gauge(s, "quorate_policy_lint_findings{severity=\"error\"}"));
            // the old revision answers: the refused account is unknown to it
            HttpResponse<String> d = s.post("/v1/authorize", "{\"account\":\"vault\",\"action\":\"admin\",\"signatures\":[]}", AUTH);
            assertEquals("unknown-account", json(d).get("reasons").get(0).get("code").asText(), d.body());
            assertEquals(before, json(d).get("policy_revision").asText());

            // fixed, it serves
            Files.writeString(dir.resolve("policy/vault.yaml"), OPEN.replace("threshold: 0", "threshold: 1"));
            HttpResponse<String> fixed = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(200, fixed.statusCode(), fixed.body());
            assertTrue(json(s.get("/v1/policy", AUTH)).get("last_reload_error").isNull());
            assertFalse(before.equals(s.server.revision()));
        }
    }

    @Test
    void under_strict_a_watched_change_with_lint_errors_is_refused_the_same_way() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        Path tokens = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withStrictLint(true).withWatch(true, Duration.ofMillis(100)))) {
            String before = s.server.revision();
            Files.writeString(policy.resolve("vault.yaml"), OPEN);
            JsonNode failure = null;
            for (int i = 0; i < 300 && (failure == null || failure.isNull()); i++) {
                Thread.sleep(100);
                failure = json(s.get("/v1/policy", AUTH)).get("last_reload_error");
            }
            assertFalse(failure == null || failure.isNull(), "the watched change was never refused");
            assertEquals("lint-error", failure.get("errors").get(0).get("code").asText(), failure.toString());
            assertEquals(before, s.server.revision());
        }
    }
}
