package io.quorate.server;

import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spending limits enforced by {@code quorate serve} through its HTTP API: decisions read the
 * spending store, {@code record: true} decides and records atomically, and what is kept
 * survives a restart.
 */
class RecordedSpendingTest {

    static final String ACCOUNT = "treasury1111";

    /** One EOS account whose conditions deny once more than {@code limit} EOS leaves it in {@code period}. */
    static String policy(String period, String limit) {
        return """
                quorate: 1
                keys:
                  cfo: EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x
                  deputy: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner:  {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                      active: {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                    conditions:
                      rules:
                        - {name: daily-limit, when: {action: eosio.token::transfer, spent: {period: PERIOD, over: "LIMIT EOS"}}, deny: daily limit reached}
                """.replace("PERIOD", period).replace("LIMIT", limit);
    }

    @TempDir
    Path dir;

    private TestServer server(Path db, String period, String limit, ServerOptions.Trust trust) throws Exception {
        Path policies = Files.createDirectories(dir.resolve("p"));
        Files.writeString(policies.resolve("policy.yaml"), policy(period, limit));
        ServerOptions o = ServerOptions.defaults(List.of(policies)).withTrust(trust);
        if (db != null) o = o.withSpending(new ServerOptions.Spending(db, Duration.ofDays(7), List.of(Duration.ofHours(24))));
        return new TestServer(o);
    }

    private TestServer server(Path db) throws Exception {
        return server(db, "24h", "100.0000", new ServerOptions.Trust(false, false));
    }

    /** A transfer of {@code quantity} signed by the cfo; {@code extra} JSON fields after it (with their comma). */
    static String transfer(String quantity, String extra) {
        return "{\"account\":\"" + ACCOUNT + "\",\"action\":\"eosio.token::transfer\",\"signatures\":[\"cfo\"],"
                + "\"data\":{\"from\":\"" + ACCOUNT + "\",\"to\":\"supplier\",\"quantity\":\"" + quantity + "\",\"memo\":\"x\"}" + extra + "}";
    }

    static String recorded(String quantity, String id) {
        return transfer(quantity, ",\"record\":true,\"transaction_id\":\"" + id + "\"");
    }

    static String firstReason(JsonNode decision) {
        return decision.get("reasons").get(0).get("code").asText();
    }

    private static String spent24h(TestServer s) throws Exception {
        HttpResponse<String> r = s.get("/v1/spent?account=" + ACCOUNT + "&asset=EOS&period=24h");
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("spent").get("24h").asText();
    }

    @Test
    void a_limit_holds_across_recorded_requests_and_a_retry_records_nothing_twice() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"))) {
            for (int i = 1; i <= 10; i++) {
                HttpResponse<String> r = s.post("/v1/authorize", recorded("10.0000 EOS", "t" + i));
                assertEquals(200, r.statusCode(), r.body());
                JsonNode d = json(r);
                assertEquals("allow", d.get("decision").asText(), "transfer " + i + ": " + r.body());
                assertEquals("t" + i, d.get("transaction_id").asText());
                assertEquals(1, d.get("recorded").size(), r.body());
                JsonNode spend = d.get("recorded").get(0);
                assertEquals("t" + i + "#0", spend.get("id").asText());
                assertEquals(ACCOUNT, spend.get("account").asText());
                assertEquals("10.0000 EOS", spend.get("amount").asText());
                assertTrue(spend.get("new").asBoolean());
            }
            assertEquals("100.0000 EOS", spent24h(s));
            HttpResponse<String> over = s.post("/v1/authorize", recorded("0.0001 EOS", "t11"));
            assertEquals(200, over.statusCode(), over.body());
            assertEquals("deny", json(over).get("decision").asText());
            assertEquals("condition-denied", firstReason(json(over)), over.body());
            assertEquals(0, json(over).get("recorded").size(), "a denied transaction records nothing");
            // a retry of an allowed transaction decides as it did and records nothing again
            HttpResponse<String> retry = s.post("/v1/authorize", recorded("10.0000 EOS", "t3"));
            assertEquals("allow", json(retry).get("decision").asText(), retry.body());
            assertFalse(json(retry).get("recorded").get(0).get("new").asBoolean(), retry.body());
            assertEquals("100.0000 EOS", spent24h(s));
            // the same id for another transaction is refused, and records nothing
            HttpResponse<String> reused = s.post("/v1/authorize", recorded("1.0000 EOS", "t3"));
            assertEquals(409, reused.statusCode(), reused.body());
            assertEquals("spend-conflict", json(reused).get("code").asText());
            // without record, decisions read the store but write nothing
            HttpResponse<String> plain = s.post("/v1/authorize", transfer("1.0000 EOS", ""));
            assertEquals("condition-denied", firstReason(json(plain)), plain.body());
            assertEquals(null, json(plain).get("recorded"));
            assertEquals("100.0000 EOS", spent24h(s));
        }
    }

    @Test
    void parallel_recorded_requests_never_pass_the_limit_together() throws Exception {
        Random random = new Random(20261202L);
        try (TestServer s = server(dir.resolve("spending.db"))) {
            // 240 transfers of whole EOS from 1 to 3, in random order from 16 threads: exactly those that fit are allowed
            List<Integer> amounts = new ArrayList<>();
            for (int i = 0; i < 240; i++) amounts.add(1 + random.nextInt(3));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<JsonNode>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < amounts.size(); i++) {
                    String body = recorded(amounts.get(i) + ".0000 EOS", "p" + i);
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> r = s.post("/v1/authorize", body);
                        assertEquals(200, r.statusCode(), r.body());
                        return json(r);
                    }));
                }
                long total = 0;
                int allowed = 0;
                for (int i = 0; i < answers.size(); i++) {
                    JsonNode d = answers.get(i).get();
                    if (d.get("decision").asText().equals("allow")) {
                        total += amounts.get(i);
                        allowed++;
                        assertEquals(1, d.get("recorded").size());
                    } else {
                        assertEquals("condition-denied", firstReason(d), d.toString());
                        assertEquals(0, d.get("recorded").size());
                    }
                }
                assertTrue(total <= 100, "allowed " + total + " EOS past the 100 EOS limit");
                // the sum of 240 transfers of at least 1 is far above the limit: what was allowed filled it to within 2 EOS
                assertTrue(total >= 98, "allowed only " + total + " EOS");
                assertEquals(total + ".0000 EOS", spent24h(s), "the store holds exactly the allowed transfers");
                HttpResponse<String> count = s.get("/v1/spent?account=" + ACCOUNT + "&asset=EOS&period=24h");
                assertEquals(allowed, json(count).get("count").get("24h").asInt());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void parallel_requests_of_one_amount_allow_exactly_as_many_as_the_limit_holds() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"), "24h", "25.0000", new ServerOptions.Trust(false, false))) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    String body = recorded("1.0000 EOS", "q" + i);
                    answers.add(pool.submit(() -> json(s.post("/v1/authorize", body)).get("decision").asText()));
                }
                int allowed = 0;
                for (Future<String> f : answers) if (f.get().equals("allow")) allowed++;
                assertEquals(25, allowed);
                assertEquals("25.0000 EOS", spent24h(s));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void confirmed_spends_count_in_later_decisions_and_a_client_cannot_say_otherwise() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"), "24h", "100.0000", new ServerOptions.Trust(false, true))) {
            HttpResponse<String> confirmed = s.post("/v1/spend", "{\"account\":\"" + ACCOUNT + "\",\"amount\":\"95.0000 EOS\",\"id\":\"chain-1\"}");
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            HttpResponse<String> over = s.post("/v1/authorize", transfer("5.0001 EOS", ""));
            assertEquals("condition-denied", firstReason(json(over)), over.body());
            assertEquals("allow", json(s.post("/v1/authorize", transfer("5.0000 EOS", ""))).get("decision").asText());
            // trusted context or not, the store is the truth: a client's context.spent is not read
            HttpResponse<String> claimed = s.post("/v1/authorize", transfer("5.0001 EOS", ",\"context\":{\"spent\":{\"24h\":\"0.0000 EOS\"}}"));
            assertEquals("condition-denied", firstReason(json(claimed)), claimed.body());
        }
    }

    @Test
    void a_restart_on_the_same_database_keeps_the_sums() throws Exception {
        Path db = dir.resolve("spending.db");
        try (TestServer s = server(db)) {
            for (int i = 0; i < 4; i++) {
                assertEquals("allow", json(s.post("/v1/authorize", recorded("25.0000 EOS", "r" + i))).get("decision").asText());
            }
        }
        try (TestServer s = server(db)) {
            assertEquals("100.0000 EOS", spent24h(s));
            HttpResponse<String> r = s.post("/v1/authorize", recorded("0.0001 EOS", "r4"));
            assertEquals("condition-denied", firstReason(json(r)), r.body());
            // a retry of a transaction recorded before the restart records nothing again
            HttpResponse<String> retry = s.post("/v1/authorize", recorded("25.0000 EOS", "r2"));
            assertEquals("allow", json(retry).get("decision").asText(), retry.body());
            assertFalse(json(retry).get("recorded").get(0).get("new").asBoolean());
            assertEquals("100.0000 EOS", spent24h(s));
        }
    }

    @Test
    void record_needs_a_transaction_id_and_a_store() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"))) {
            HttpResponse<String> r = s.post("/v1/authorize", transfer("1.0000 EOS", ",\"record\":true"));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("transaction-id-required", json(r).get("code").asText());
            assertEquals("/transaction_id", json(r).get("errors").get(0).get("field").asText());
            r = s.post("/v1/authorize", transfer("1.0000 EOS", ",\"record\":\"yes\",\"transaction_id\":\"a\""));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("/record", json(r).get("errors").get(0).get("field").asText());
            r = s.post("/v1/authorize", transfer("1.0000 EOS", ",\"record\":true,\"transaction_id\":\"\""));
            assertEquals(400, r.statusCode(), r.body());
            // the transaction beside the two fields is read as any other: its errors name their fields
            r = s.post("/v1/authorize", transfer("1.0000 EOS", ",\"record\":true,\"transaction_id\":\"a\",\"colour\":1"));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("invalid-transaction", json(r).get("code").asText(), r.body());
            assertEquals("/colour", json(r).get("errors").get(0).get("field").asText(), r.body());
            r = s.post("/v1/authorize", transfer("1.0000 EOS", ",\"record\":true,\"transaction_id\":\"a\",\"account\":\"x\""));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("0 EOS", spent24h(s), "nothing refused was recorded");
        }
        try (TestServer s = server(null)) {
            HttpResponse<String> r = s.post("/v1/authorize", recorded("1.0000 EOS", "n1"));
            assertEquals(501, r.statusCode(), r.body());
            assertEquals("spending-disabled", json(r).get("code").asText());
        }
    }

    @Test
    void without_a_store_spent_rules_deny_saying_to_start_the_service_with_one() throws Exception {
        try (TestServer s = server(null)) {
            HttpResponse<String> r = s.post("/v1/authorize", transfer("1.0000 EOS", ""));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode reason = json(r).get("reasons").get(0);
            assertEquals("missing-data", reason.get("code").asText(), r.body());
            assertTrue(reason.get("message").asText().contains("`--spending-db"), r.body());
            assertFalse(reason.get("message").asText().contains("context.spent"), r.body());
        }
        // a server that trusts its clients' context and keeps no spending takes context.spent
        try (TestServer s = server(null, "24h", "100.0000", new ServerOptions.Trust(false, true))) {
            String spent = ",\"context\":{\"spent\":{\"24h\":\"99.0000 EOS\"}}";
            assertEquals("allow", json(s.post("/v1/authorize", transfer("1.0000 EOS", spent))).get("decision").asText());
            assertEquals("condition-denied", firstReason(json(s.post("/v1/authorize", transfer("1.0001 EOS", spent)))));
        }
    }

    @Test
    void a_store_that_fails_denies_with_its_reason() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"))) {
            s.server.spending().store().orElseThrow().close();
            for (String body : List.of(transfer("1.0000 EOS", ""), recorded("1.0000 EOS", "f1"))) {
                HttpResponse<String> r = s.post("/v1/authorize", body);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("deny", json(r).get("decision").asText(), r.body());
                JsonNode reason = json(r).get("reasons").get(0);
                assertEquals("missing-data", reason.get("code").asText(), r.body());
                assertTrue(reason.get("message").asText().contains("is closed"), r.body());
            }
        }
    }

    @Test
    void a_spent_period_longer_than_the_retention_is_refused_at_load() throws Exception {
        Path policies = Files.createDirectories(dir.resolve("long"));
        Files.writeString(policies.resolve("policy.yaml"), policy("30d", "100.0000"));
        ServerOptions o = ServerOptions.defaults(List.of(policies)).withPort(0)
                .withSpending(new ServerOptions.Spending(dir.resolve("spending.db"), Duration.ofDays(7), List.of(Duration.ofHours(24))));
        try (DecisionServer s = DecisionServer.start(o)) {
            assertFalse(s.awaitFirstLoad(Duration.ofSeconds(60)), "the policy must not serve");
            String error = s.lastReloadError();
            assertNotNull(error);
            assertTrue(error.contains(RetentionCheck.CODE), error);
            assertTrue(error.contains("`--spending-retention 7d`"), error);
            assertTrue(error.contains("policy.yaml:"), error);
        }
        // without a store there is no retention: the policy serves, and its rule denies until there is one
        try (DecisionServer s = DecisionServer.start(ServerOptions.defaults(List.of(policies)).withPort(0))) {
            assertTrue(s.awaitFirstLoad(Duration.ofSeconds(60)), s.lastReloadError());
        }
    }
}
