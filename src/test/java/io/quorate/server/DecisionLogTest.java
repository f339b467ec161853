package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One log line per decision under load, through a queue small enough to overflow; masking; shutdown flushes. */
class DecisionLogTest {

    @TempDir
    Path dir;

    @Test
    void every_decision_under_load_is_logged_once_even_when_the_queue_overflows() throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        Path policy = Files.createDirectories(dir.resolve("policy"));
        int decided;
        String revision;
        AtomicInteger decisions = new AtomicInteger();
        Set<String> answeredIds = Collections.synchronizedSet(new HashSet<>());
        try (TestServer s = TestServer.over(policy, 40, o -> o.withDecisionLog(log.toString(), 8, Duration.ofSeconds(30),
                Set.of("input.signatures")))) {
            revision = s.server.revision();
            String batch = "[" + String.join(",", Collections.nCopies(20, TRANSFER)) + "]";
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                boolean batching = c % 2 == 0;
                load.add(clients.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        HttpResponse<String> r = s.post(batching ? "/v1/authorize/batch" : "/v1/authorize", batching ? batch : TRANSFER);
                        assertEquals(200, r.statusCode(), r.body());
                        JsonNode body = json(r);
                        for (JsonNode d : batching ? body.get("decisions") : List.of(body)) {
                            answeredIds.add(d.get("decision_id").asText());
                            decisions.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : load) f.get(60, TimeUnit.SECONDS);
            clients.shutdown();
            decided = decisions.get();
            JsonNode health = json(s.get("/health")).get("details").get("decision_log");
            assertEquals(0, health.get("dropped").asLong());
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(decided, lines.size(), "one line per decision");
        Set<String> loggedIds = new HashSet<>();
        for (String line : lines) {
            JsonNode e = TestServer.JSON.readTree(line);
            loggedIds.add(e.get("decision_id").asText());
            assertEquals(revision, e.get("revision").asText());
            assertEquals("deny", e.get("decision").asText());
            assertEquals("unsatisfied-authority", e.get("reasons").get(0).get("code").asText());
            assertEquals("test.auth", e.get("input").get("actions").get(0).get("account").asText());
            assertEquals("<masked>", e.get("input").get("signatures").asText());
            assertTrue(e.get("latency_ms").asDouble() >= 0);
            Instant.parse(e.get("time").asText());
        }
        assertEquals(answeredIds, loggedIds);
    }

    @Test
    void a_stuck_writer_makes_drops_that_are_counted_and_written_into_the_log() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Object gate = new Object();
        boolean[] open = {false};
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (gate) {
                    while (!open[0]) {
                        try {
                            gate.wait();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                }
                sink.write(b, off, len);
            }
        };
        DecisionLog log = new DecisionLog(new java.io.BufferedOutputStream(slow, 16), 2, Duration.ofMillis(1), LogMask.NONE);
        io.quorate.transaction.Transaction tx = io.quorate.transaction.Transaction.of("a", "b", List.of());
        io.quorate.engine.Decision d = io.quorate.engine.Decision.failClosed(tx, "sha256:x", new IllegalStateException("test"));
        for (int i = 0; i < 20; i++) log.record(new DecisionLog.Entry("id" + i, Instant.now(), "authorize", tx, d, 1));
        assertTrue(log.dropped() > 0, "entries past a full queue and the wait limit are dropped");
        assertTrue(log.overflows() >= log.dropped());
        synchronized (gate) {
            open[0] = true;
            gate.notifyAll();
        }
        log.record(new DecisionLog.Entry("after", Instant.now(), "authorize", tx, d, 1));
        log.close();
        String text = sink.toString(StandardCharsets.UTF_8);
        long markers = text.lines().filter(l -> l.contains("\"type\":\"dropped\"")).count();
        long reported = text.lines().filter(l -> l.contains("\"type\":\"dropped\""))
                .mapToLong(l -> {
                    try {
                        return TestServer.JSON.readTree(l).get("count").asLong();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).sum();
        assertTrue(markers >= 1, text);
        assertEquals(log.dropped(), reported, "every drop is reported in the log");
        assertEquals(21 - log.dropped(), log.written(), "every entry is written or counted as dropped");
        assertFalse(text.isBlank());
    }

    @Test
    void masking_hides_the_chosen_fields_in_every_element_of_a_list() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DecisionLog log = new DecisionLog(sink, 4, Duration.ofSeconds(1),
                LogMask.of(Set.of("input.actions.account", "reasons.message", "required")));
        io.quorate.transaction.Transaction tx = new io.quorate.transaction.Transaction("t", List.of(
                io.quorate.transaction.ActionRequest.of("alice", "transfer"), io.quorate.transaction.ActionRequest.of("bob", "vote")),
                List.of("k1"), List.of(), null, null, null, null);
        log.record(new DecisionLog.Entry("id", Instant.now(), "authorize", tx, io.quorate.engine.Decision.failClosed(tx, "sha256:x", new IllegalStateException()), 5));
        log.close();
        JsonNode e = TestServer.JSON.readTree(sink.toString(StandardCharsets.UTF_8));
        for (JsonNode a : e.get("input").get("actions")) {
            assertEquals("<masked>", a.get("account").asText());
            assertFalse(a.get("action").asText().isBlank());
        }
        assertEquals("<masked>", e.get("reasons").get(0).get("message").asText());
        assertEquals("internal-error", e.get("reasons").get(0).get("code").asText());
        assertEquals("<masked>", e.get("required").asText());
        assertEquals("k1", e.get("input").get("signatures").get(0).asText());
    }

    @Test
    void closing_the_server_finishes_in_flight_requests_and_flushes_the_log() throws Exception {
        Path log = dir.resolve("shutdown.jsonl");
        Path policy = Files.createDirectories(dir.resolve("policy"));
        TestServer s = TestServer.over(policy, 40, o -> o.withDecisionLog(log.toString(), 65_536, Duration.ofSeconds(5), Set.of()));
        String batch = "[" + String.join(",", Collections.nCopies(200, TRANSFER)) + "]";
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            load.add(clients.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    HttpResponse<String> r;
                    try {
                        r = s.post("/v1/authorize/batch", batch);
                    } catch (IOException refused) {
                        return null;
                    }
                    if (r.statusCode() == 200) {
                        answered.addAndGet(json(r).get("decisions").size());
                    } else {
                        assertEquals(503, r.statusCode(), r.body());
                        return null;
                    }
                }
                return null;
            }));
        }
        while (answered.get() == 0) Thread.sleep(5);
        s.close();
        for (Future<?> f : load) f.get(60, TimeUnit.SECONDS);
        clients.shutdown();
        assertEquals(answered.get(), Files.readAllLines(log).size(), "every answered decision is in the log after close");
    }

    @Test
    void reloading_over_http_is_forbidden_without_a_token_file() throws Exception {
        Path policy = Files.createDirectories(dir.resolve("policy"));
        try (TestServer s = TestServer.over(policy, 40, o -> o)) {
            HttpResponse<String> r = s.post("/v1/policy/reload", null);
            assertEquals(403, r.statusCode(), r.body());
            assertEquals("reload-forbidden", json(r).get("code").asText());
            assertEquals(200, s.post("/v1/authorize", TRANSFER).statusCode(), "without a token file the API is open");
        }
    }
}
