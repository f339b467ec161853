package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.transaction.TransactionLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds of one request: how many errors an answer lists, the time limit, and the smallest worker pool. */
class RequestBoundsTest {

    @TempDir
    Path dir;

    @Test
    void a_thousand_bad_signatures_answer_the_first_hundred_errors_and_count_the_rest() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o)) {
            String body = "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":["
                    + String.join(",", Collections.nCopies(TransactionLoader.MAX_SIGNATURES, "null")) + "]}";
            HttpResponse<String> r = s.post("/v1/authorize", body);
            assertEquals(400, r.statusCode(), r.body().substring(0, Math.min(500, r.body().length())));
            JsonNode e = json(r);
            assertEquals("invalid-transaction", e.get("code").asText());
            assertEquals(ApiError.MAX_ERRORS, e.get("errors").size());
            // the loader stops listing after 100 problems and counts the rest in one more
            assertTrue(e.get("errors_omitted").asInt() >= 1, e.get("message").asText());
            assertTrue(e.get("message").asText().contains("more"), e.get("message").asText());
            assertEquals("/signatures/0", e.get("errors").get(0).get("field").asText());
            assertEquals("/signatures/99", e.get("errors").get(99).get("field").asText());
            assertTrue(r.body().length() < 64 << 10, "answer of " + r.body().length() + " bytes");
        }
    }

    @Test
    void sixty_thousand_signatures_are_refused_at_once() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o)) {
            String body = "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":["
                    + String.join(",", Collections.nCopies(60_000, "null")) + "]}";
            HttpResponse<String> r = s.post("/v1/authorize", body);
            JsonNode e = json(r);
            assertEquals("too-many-signatures", e.get("errors").get(0).get("code").asText(), r.body());
            assertEquals(1, e.get("errors").size());
        }
    }

    @Test
    void a_batch_past_the_request_time_limit_answers_deadline_exceeded() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40,
                o -> o.withLimits(8L << 20, 100_000, Duration.ofMillis(1)))) {
            String batch = "[" + String.join(",", Collections.nCopies(5_000, TRANSFER)) + "]";
            HttpResponse<String> r = s.post("/v1/authorize/batch", batch);
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("deadline-exceeded", json(r).get("code").asText());
        }
    }

    @Test
    void one_request_thread_serves_concurrent_clients_and_a_body_that_arrives_late() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40,
                o -> o.withThreads(1, Duration.ofSeconds(5)));
                java.net.Socket slow = new java.net.Socket(s.base.getHost(), s.base.getPort())) {
            // A request whose body comes after its headers holds the only request thread while it waits:
            // the body must still be delivered, and the other clients must wait their turn, not fail.
            byte[] body = TRANSFER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/authorize HTTP/1.1\r\nHost: quorate\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) answers.add(clients.submit(() -> s.post("/v1/authorize", TRANSFER)));
            Thread.sleep(300);
            out.write(body);
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(slow.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 200 OK", status);
            for (Future<HttpResponse<String>> a : answers) assertEquals(200, a.get().statusCode(), a.get().body());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void a_request_that_waits_past_the_time_limit_for_a_request_thread_answers_deadline_exceeded() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40,
                o -> o.withThreads(1, Duration.ofSeconds(5)).withLimits(8L << 20, 10_000, Duration.ofMillis(300)));
                java.net.Socket slow = new java.net.Socket(s.base.getHost(), s.base.getPort())) {
            // Headers without their body: the only request thread waits for it past the time limit.
            slow.getOutputStream().write(("POST /v1/authorize HTTP/1.1\r\nHost: quorate\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            // Until the server has taken the headers up, a request may still get the thread first
            // and be served: ask again, allowing the server longer each time, until one has to wait.
            HttpResponse<String> waited = null;
            for (int attempt = 1; attempt <= 8 && (waited == null || waited.statusCode() == 200); attempt++) {
                Thread.sleep(50L * attempt);
                waited = s.post("/v1/authorize", TRANSFER);
            }
            assertEquals(503, waited.statusCode(), waited.body());
            assertEquals("deadline-exceeded", json(waited).get("code").asText(), waited.body());
        }
    }
}
