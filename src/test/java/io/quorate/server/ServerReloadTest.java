package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies swapped under load, broken policies pushed, and file watching. */
class ServerReloadTest {

    static final String TOKEN = "reload-token";
    static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

    @TempDir
    Path dir;

    private TestServer server(boolean watch) throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, TOKEN + "\n");
        return TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withWatch(watch, Duration.ofMillis(100)));
    }

    private void write(int threshold) throws Exception {
        Path tmp = dir.resolve("next.tmp");
        Files.writeString(tmp, TestServer.policy(threshold));
        Files.move(tmp, dir.resolve("policy/policy.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void swapping_policies_under_load_fails_no_request_and_mixes_no_revisions_in_a_batch() throws Exception {
        try (TestServer s = server(false)) {
            String first = s.server.revision();
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> failures = new CopyOnWriteArrayList<>();
            Set<String> revisionsSeen = ConcurrentHashMap.newKeySet();
            AtomicInteger batches = new AtomicInteger();
            AtomicInteger singles = new AtomicInteger();
            String batch = "[" + String.join(",", Collections.nCopies(50, TRANSFER)) + "]";
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                boolean batching = c % 2 == 0;
                load.add(clients.submit(() -> {
                    for (int i = 0; i < 100_000 && running.get(); i++) {
                        try {
                            HttpResponse<String> r = s.post(batching ? "/v1/authorize/batch" : "/v1/authorize", batching ? batch : TRANSFER, AUTH);
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                                continue;
                            }
                            JsonNode body = json(r);
                            if (batching) {
                                String revision = body.get("policy_revision").asText();
                                revisionsSeen.add(revision);
                                for (JsonNode d : body.get("decisions")) {
                                    if (!d.get("policy_revision").asText().equals(revision)) failures.add("mixed batch: " + r.body());
                                }
                                batches.incrementAndGet();
                            } else {
                                revisionsSeen.add(body.get("policy_revision").asText());
                                singles.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            Set<String> revisions = new HashSet<>(Set.of(first));
            for (int swap = 0; swap < 4; swap++) {
                write(swap % 2 == 0 ? 25 : 40);
                HttpResponse<String> r = s.post("/v1/policy/reload", null, AUTH);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(json(r).get("changed").asBoolean(), r.body());
                revisions.add(json(r).get("revision").asText());
            }
            running.set(false);
            for (Future<?> f : load) f.get(60, TimeUnit.SECONDS);
            clients.shutdown();
            assertEquals(List.of(), failures);
            assertEquals(2, revisions.size());
            assertTrue(revisions.containsAll(revisionsSeen), revisionsSeen + " not in " + revisions);
            assertTrue(batches.get() > 0 && singles.get() > 0);
        }
    }

    @Test
    void a_broken_policy_is_rejected_and_the_last_good_one_keeps_answering() throws Exception {
        try (TestServer s = server(false)) {
            String good = s.server.revision();
            Files.writeString(dir.resolve("policy/policy.yaml"), "quorate: 1\naccounts:\n  test.auth:\n    chain: hive\n    active: {threshold: many}\n");
            HttpResponse<String> reload = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(422, reload.statusCode(), reload.body());
            JsonNode e = json(reload);
            assertEquals("policy-rejected", e.get("code").asText());
            assertTrue(e.get("message").asText().contains("still serving " + good), e.toString());
            assertEquals(5, e.get("errors").get(0).get("line").asInt(), e.toString());

            HttpResponse<String> decided = s.post("/v1/authorize", TRANSFER, AUTH);
            assertEquals(200, decided.statusCode());
            assertEquals(good, json(decided).get("policy_revision").asText());

            JsonNode policy = json(s.get("/v1/policy", AUTH));
            assertEquals(good, policy.get("revision").asText());
            assertFalse(policy.get("last_reload_error").isNull());
            assertEquals("policy.yaml", policy.get("last_reload_error").get("errors").get(0).get("file").asText().replaceAll(".*/", ""));

            HttpResponse<String> health = s.get("/health");
            assertEquals(200, health.statusCode(), "the old policy still serves, so the server stays ready");
            assertEquals("degraded", json(health).get("status").asText());
            assertFalse(json(health).get("details").get("last_reload_error").isNull());
            assertTrue(s.get("/metrics").body().contains("quorate_policy_reloads_total{result=\"failure\"} 1"));
            assertTrue(s.get("/metrics").body().contains("quorate_policy_last_reload_failed 1"));

            write(25);
            HttpResponse<String> fixed = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(200, fixed.statusCode(), fixed.body());
            assertNotEquals(good, s.server.revision());
            assertTrue(json(s.get("/v1/policy", AUTH)).get("last_reload_error").isNull());
            assertEquals("allow", json(s.post("/v1/authorize", TRANSFER, AUTH)).get("decision").asText());
        }
    }

    @Test
    void watching_recompiles_when_a_policy_file_changes() throws Exception {
        try (TestServer s = server(true)) {
            String before = s.server.revision();
            write(25);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (before.equals(s.server.revision()) && System.nanoTime() < until) Thread.sleep(50);
            assertNotEquals(before, s.server.revision());
            assertEquals("allow", json(s.post("/v1/authorize", TRANSFER, AUTH)).get("decision").asText());
            assertTrue(json(s.get("/v1/policy", AUTH)).get("watching").asBoolean());
        }
    }
}
