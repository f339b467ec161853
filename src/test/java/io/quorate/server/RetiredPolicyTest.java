package io.quorate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy replaced by a reload is released: nothing the server keeps (its first load, the reload
 * futures, the meters, the threads that decided with it) holds the retired prepared policy.
 */
class RetiredPolicyTest {

    private static final int RELOADS = 20;

    @TempDir
    Path dir;

    @Test
    void retired_policies_become_unreachable_after_many_reloads() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "t\n");
        Path policy = Files.createDirectories(dir.resolve("policy"));
        List<WeakReference<Object>> retired = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens))) {
            for (int i = 0; i < RELOADS; i++) {
                // Decisions on many of the server's threads, so that each keeps a session of this revision.
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int c = 0; c < 32; c++) answers.add(clients.submit(() -> s.post("/v1/authorize", TestServer.TRANSFER, "Authorization", "Bearer t")));
                for (Future<HttpResponse<String>> a : answers) assertEquals(200, a.get().statusCode(), a.get().body());
                ServingPolicy before = s.server.serving();
                retired.add(new WeakReference<>(before.prepared()));
                Files.writeString(policy.resolve("policy.yaml"), TestServer.policy(41 + i));
                HttpResponse<String> r = s.post("/v1/policy/reload", null, "Authorization", "Bearer t");
                assertEquals(200, r.statusCode(), r.body());
                assertNotEquals(before.revision(), s.server.revision());
                before = null;
            }
            int reachable = 0;
            for (int attempt = 0; attempt < 40; attempt++) {
                System.gc();
                Thread.sleep(50);
                reachable = (int) retired.stream().filter(w -> w.get() != null).count();
                if (reachable == 0) break;
            }
            assertEquals(0, reachable, reachable + " of " + RELOADS + " retired policies are still reachable");
        } finally {
            clients.shutdownNow();
        }
    }
}
