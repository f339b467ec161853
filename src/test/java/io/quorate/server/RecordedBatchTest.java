package io.quorate.server;

import static io.quorate.server.RecordedSpendingTest.ACCOUNT;
import static io.quorate.server.RecordedSpendingTest.firstReason;
import static io.quorate.server.RecordedSpendingTest.recorded;
import static io.quorate.server.RecordedSpendingTest.transfer;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/authorize/batch} with per-transaction {@code record} and {@code transaction_id}:
 * each recording transaction is decided and recorded as {@code /v1/authorize} does it, in batch
 * order, so later transactions of the batch see the spends of earlier ones; a replayed batch
 * records nothing twice; a transaction without {@code record} records nothing.
 */
class RecordedBatchTest {

    @TempDir
    Path dir;

    private TestServer server(Path db, String limit) throws Exception {
        Path policies = Files.createDirectories(dir.resolve("p"));
        Files.writeString(policies.resolve("policy.yaml"), RecordedSpendingTest.policy("24h", limit));
        ServerOptions o = ServerOptions.defaults(List.of(policies));
        if (db != null) o = o.withSpending(new ServerOptions.Spending(db, Duration.ofDays(7), List.of(Duration.ofHours(24))));
        return new TestServer(o);
    }

    private static String spent24h(TestServer s) throws Exception {
        HttpResponse<String> r = s.get("/v1/spent?account=" + ACCOUNT + "&asset=EOS&period=24h");
        assertEquals(200, r.statusCode(), r.body());
        return json(r).get("spent").get("24h").asText();
    }

    private static JsonNode batch(TestServer s, List<String> items) throws Exception {
        HttpResponse<String> r = s.post("/v1/authorize/batch", "[" + String.join(",", items) + "]");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode decisions = json(r).get("decisions");
        assertEquals(items.size(), decisions.size());
        return decisions;
    }

    @Test
    void a_batch_allows_exactly_what_the_limit_allows_and_a_replay_records_nothing_twice() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"), "25.0000")) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 120; i++) items.add(recorded("1.0000 EOS", "b" + i));
            JsonNode first = batch(s, items);
            for (int i = 0; i < 120; i++) {
                JsonNode d = first.get(i);
                assertEquals("b" + i, d.get("transaction_id").asText());
                if (i < 25) {
                    assertEquals("allow", d.get("decision").asText(), "transfer " + i + ": " + d);
                    assertEquals(1, d.get("recorded").size());
                    assertEquals("b" + i + "#0", d.get("recorded").get(0).get("id").asText());
                    assertTrue(d.get("recorded").get(0).get("new").asBoolean());
                } else {
                    assertEquals("condition-denied", firstReason(d), "transfer " + i + ": " + d);
                    assertEquals(0, d.get("recorded").size());
                }
            }
            assertEquals("25.0000 EOS", spent24h(s));
            assertEquals(25, json(s.get("/v1/spent?account=" + ACCOUNT + "&asset=EOS&period=24h")).get("count").get("24h").asInt());

            // the same batch again: the same decisions, every spend found recorded, nothing added
            JsonNode again = batch(s, items);
            for (int i = 0; i < 120; i++) {
                assertEquals(first.get(i).get("decision"), again.get(i).get("decision"), "transfer " + i + ": " + again.get(i));
                if (i < 25) assertFalse(again.get(i).get("recorded").get(0).get("new").asBoolean(), again.get(i).toString());
            }
            assertEquals("25.0000 EOS", spent24h(s));
        }
    }

    @Test
    void parallel_batches_and_single_requests_together_allow_exactly_what_the_limit_holds() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"), "25.0000")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
                for (int b = 0; b < 4; b++) {
                    List<String> items = new ArrayList<>();
                    for (int i = 0; i < 20; i++) items.add(recorded("1.0000 EOS", "pb" + b + "-" + i));
                    answers.add(pool.submit(() -> {
                        List<String> out = new ArrayList<>();
                        for (JsonNode d : batch(s, items)) out.add(d.get("decision").asText());
                        return out;
                    }));
                }
                for (int i = 0; i < 40; i++) {
                    String body = recorded("1.0000 EOS", "ps" + i);
                    answers.add(pool.submit(() -> List.of(json(s.post("/v1/authorize", body)).get("decision").asText())));
                }
                int allowed = 0;
                for (java.util.concurrent.Future<List<String>> f : answers) {
                    for (String d : f.get()) if (d.equals("allow")) allowed++;
                }
                assertEquals(25, allowed, "120 transfers of 1 EOS in 4 batches and 40 requests at once, under a 25 EOS limit");
                assertEquals("25.0000 EOS", spent24h(s));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Seeded random batches of recording and plain transfers, against a plain reference: a
     * transfer is allowed when what was recorded before it (by earlier batches and earlier
     * transactions of its own) plus its amount stays within the limit; only recording ones add.
     */
    @Test
    void recording_and_plain_transfers_decide_in_batch_order_as_the_reference_says() throws Exception {
        Random random = new Random(20261202L);
        try (TestServer s = server(dir.resolve("spending.db"), "100.0000")) {
            long spent = 0;
            for (int round = 0; round < 4; round++) {
                List<String> items = new ArrayList<>();
                List<Integer> amounts = new ArrayList<>();
                List<Boolean> recording = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int amount = 1 + random.nextInt(5);
                    boolean record = random.nextInt(3) > 0;
                    amounts.add(amount);
                    recording.add(record);
                    String quantity = amount + ".0000 EOS";
                    items.add(record ? recorded(quantity, "r" + round + "-" + i)
                            : random.nextBoolean() ? transfer(quantity, "")
                            : transfer(quantity, ",\"record\":false,\"transaction_id\":\"plain" + round + "-" + i + "\""));
                }
                JsonNode decisions = batch(s, items);
                for (int i = 0; i < items.size(); i++) {
                    JsonNode d = decisions.get(i);
                    boolean fits = spent + amounts.get(i) <= 100;
                    assertEquals(fits ? "allow" : "deny", d.get("decision").asText(), "round " + round + ", transfer " + i + ": " + d);
                    if (recording.get(i)) {
                        assertEquals(fits ? 1 : 0, d.get("recorded").size(), d.toString());
                        if (fits) spent += amounts.get(i);
                    } else {
                        JsonNode recordedField = d.get("recorded");
                        assertTrue(recordedField == null || recordedField.isEmpty(), "a transfer without record records nothing: " + d);
                    }
                }
                assertEquals(spent == 0 ? "0 EOS" : spent + ".0000 EOS", spent24h(s), "round " + round);
            }
            assertTrue(spent >= 95, "the rounds filled the limit: " + spent);
        }
    }

    @Test
    void a_batch_that_cannot_record_is_refused_before_anything_is_recorded() throws Exception {
        try (TestServer s = server(dir.resolve("spending.db"), "100.0000")) {
            String ok = recorded("1.0000 EOS", "ok1");
            HttpResponse<String> r = s.post("/v1/authorize/batch", "[" + ok + "," + transfer("1.0000 EOS", ",\"record\":true") + "]");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("transaction-id-required", json(r).get("code").asText());
            assertEquals("/1/transaction_id", json(r).get("errors").get(0).get("field").asText(), r.body());

            r = s.post("/v1/authorize/batch", "{\"transactions\":[" + ok + "," + transfer("1.0000 EOS", ",\"record\":1,\"transaction_id\":\"x\"") + "]}");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("/transactions/1/record", json(r).get("errors").get(0).get("field").asText(), r.body());

            r = s.post("/v1/authorize/batch", "[" + ok + "," + recorded("2.0000 EOS", "ok1") + "]");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("/1/transaction_id", json(r).get("errors").get(0).get("field").asText(), r.body());

            // the transaction beside the fields is read as any other, its errors pointing into the batch
            r = s.post("/v1/authorize/batch", "[" + ok + "," + transfer("1.0000 EOS", ",\"record\":true,\"transaction_id\":\"c\",\"colour\":1") + "]");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("invalid-transaction", json(r).get("code").asText(), r.body());
            assertEquals("/1/colour", json(r).get("errors").get(0).get("field").asText(), r.body());
            assertEquals("0 EOS", spent24h(s), "nothing of a refused batch was recorded");

            // an id used before for another amount: 409, naming the transaction
            assertEquals("allow", batch(s, List.of(recorded("3.0000 EOS", "used"))).get(0).get("decision").asText());
            r = s.post("/v1/authorize/batch", "[" + recorded("4.0000 EOS", "used") + "]");
            assertEquals(409, r.statusCode(), r.body());
            assertEquals("spend-conflict", json(r).get("code").asText());
            assertEquals("/0", json(r).get("errors").get(0).get("field").asText(), r.body());
            assertEquals("3.0000 EOS", spent24h(s));
        }
        try (TestServer s = server(null, "100.0000")) {
            HttpResponse<String> r = s.post("/v1/authorize/batch", "[" + transfer("1.0000 EOS", "") + "," + recorded("1.0000 EOS", "n") + "]");
            assertEquals(501, r.statusCode(), r.body());
            assertEquals("spending-disabled", json(r).get("code").asText());
            // without record, the batch decides as before
            HttpResponse<String> plain = s.post("/v1/authorize/batch", "[" + transfer("1.0000 EOS", "") + "]");
            assertEquals(200, plain.statusCode(), plain.body());
            assertNull(json(plain).get("decisions").get(0).get("recorded"));
        }
    }
}
