package io.quorate.server;

import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.spending.SpendingUnavailableException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/spend} and {@code GET /v1/spent} through the real server, and the spending decisions see. */
class SpendEndpointTest {

    @TempDir
    Path dir;

    private TestServer server(Path db) throws Exception {
        return TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o.withSpending(
                new ServerOptions.Spending(db, Duration.ofDays(35), List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7)))));
    }

    private static String spend(String account, String amount, String id, Instant time) {
        return "{\"account\":\"" + account + "\",\"amount\":\"" + amount + "\",\"id\":\"" + id + "\""
                + (time == null ? "" : ",\"time\":\"" + time + "\"") + "}";
    }

    @Test
    void a_recorded_spend_is_counted_once_and_answered_with_the_sums() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TestServer s = server(dir.resolve("spending.db"))) {
            HttpResponse<String> r = s.post("/v1/spend", spend("treasury", "12000.0000 EOS", "tx1#0", now.minus(Duration.ofHours(2))));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode a = json(r);
            assertTrue(a.get("recorded").asBoolean());
            assertEquals("EOS", a.get("asset").asText());
            assertEquals("12000.0000 EOS", a.get("amount").asText());
            assertEquals("0.0000 EOS", a.get("spent").get("1h").asText(), r.body());
            assertEquals("12000.0000 EOS", a.get("spent").get("24h").asText(), r.body());
            assertEquals("12000.0000 EOS", a.get("spent").get("7d").asText(), r.body());

            r = s.post("/v1/spend", "{\"account\":\"treasury\",\"asset\":\"EOS\",\"amount\":\"0.0001\",\"id\":\"tx2#0\",\"periods\":[\"24h\"]}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("12000.0001 EOS", json(r).get("spent").get("24h").asText(), r.body());
            assertEquals(1, json(r).get("spent").size(), "only the periods asked for");

            // the same id again, as a retry: nothing changes, the first record is answered
            r = s.post("/v1/spend", spend("treasury", "12000.0000 EOS", "tx1#0", null));
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(json(r).get("recorded").asBoolean());
            assertEquals(now.minus(Duration.ofHours(2)).toString(), json(r).get("time").asText());
            assertEquals("12000.0001 EOS", json(r).get("spent").get("24h").asText(), r.body());

            // the same id with another amount is a conflict, and records nothing
            r = s.post("/v1/spend", spend("treasury", "1.0000 EOS", "tx1#0", null));
            assertEquals(409, r.statusCode(), r.body());
            assertEquals("spend-conflict", json(r).get("code").asText());
            assertTrue(json(r).get("message").asText().contains("was recorded as `12000.0000 EOS`"), r.body());

            r = s.get("/v1/spent?account=treasury&asset=EOS&period=24h&period=1h");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("12000.0001 EOS", json(r).get("spent").get("24h").asText(), r.body());
            assertEquals("0.0001 EOS", json(r).get("spent").get("1h").asText(), r.body());
            assertEquals(2, json(r).get("count").get("24h").asInt());
            assertEquals(1, json(r).get("count").get("1h").asInt());
            assertTrue(json(r).get("later_included").asBoolean());

            // decisions see the same
            assertEquals(new BigDecimal("12000.0001"), s.server.spending().spent("treasury", "EOS", Duration.ofHours(24), Instant.now()));
        }
    }

    @Test
    void a_window_ending_at_a_time_leaves_out_its_start() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(Duration.ofHours(30));
        try (TestServer s = server(dir.resolve("spending.db"))) {
            assertEquals(200, s.post("/v1/spend", spend("a", "1.000 HIVE", "start", t)).statusCode());
            assertEquals(200, s.post("/v1/spend", spend("a", "2.000 HIVE", "end", t.plus(Duration.ofHours(24)))).statusCode());
            assertEquals(200, s.post("/v1/spend", spend("a", "4.000 HIVE", "later", t.plus(Duration.ofHours(25)))).statusCode());
            HttpResponse<String> r = s.get("/v1/spent?account=a&asset=HIVE&period=24h&at=" + t.plus(Duration.ofHours(24)));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("2.000 HIVE", json(r).get("spent").get("24h").asText(), r.body());
            assertFalse(json(r).get("later_included").asBoolean());
            r = s.get("/v1/spent?account=a&asset=HIVE&period=24h,7d&at=" + t.plus(Duration.ofHours(24)).plusSeconds(1));
            assertEquals("2.000 HIVE", json(r).get("spent").get("24h").asText(), r.body());
            assertEquals("3.000 HIVE", json(r).get("spent").get("7d").asText(), r.body());
            r = s.get("/v1/spent?account=a&asset=HIVE&period=7d");
            assertEquals("7.000 HIVE", json(r).get("spent").get("7d").asText(), r.body());
            r = s.get("/v1/spent?account=nobody&asset=HIVE&period=7d");
            assertEquals("0 HIVE", json(r).get("spent").get("7d").asText(), r.body());
        }
    }

    @Test
    void bad_spends_and_queries_are_refused_with_a_code_and_the_field() throws Exception {
        Instant now = Instant.now();
        try (TestServer s = server(dir.resolve("spending.db"))) {
            String[][] cases = {
                {"{\"amount\":\"1 EOS\",\"id\":\"x\"}", "/account", "`account` is missing"},
                {"{\"account\":\"a\",\"amount\":\"1 EOS\"}", "/id", "`id` is missing"},
                {"{\"account\":\"a\",\"amount\":1.5,\"id\":\"x\"}", "/amount", "a JSON number can lose digits"},
                {"{\"account\":\"a\",\"amount\":\"1.5\",\"id\":\"x\"}", "/amount", "names no asset"},
                {"{\"account\":\"a\",\"amount\":\"-1.5 EOS\",\"id\":\"x\"}", "/amount", "is not a decimal and an asset"},
                {"{\"account\":\"a\",\"amount\":\"0.0000 EOS\",\"id\":\"x\"}", "/amount", "is not positive"},
                {"{\"account\":\"a\",\"asset\":\"HIVE\",\"amount\":\"1.000 EOS\",\"id\":\"x\"}", "/asset", "is in `EOS`, not in asset `HIVE`"},
                {"{\"account\":\"a\",\"amount\":\"1 EOS\",\"id\":\"x\",\"time\":\"yesterday\"}", "/time", "is not a time"},
                {"{\"account\":\"a\",\"amount\":\"1 EOS\",\"id\":\"x\",\"periods\":[\"1y\"]}", "/periods/0", "is not a number and a unit"},
                {"{\"account\":\"a\",\"amount\":\"1 EOS\",\"id\":\"x\",\"periods\":[\"60d\"]}", "/periods/0", "longer than the spending kept (35d)"},
                {"{\"account\":\"a\",\"amount\":\"1 EOS\",\"id\":\"x\",\"memo\":\"hi\"}", "/memo", "unknown field `memo`"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = s.post("/v1/spend", c[0]);
                assertEquals(400, r.statusCode(), c[0] + " " + r.body());
                JsonNode e = json(r);
                assertEquals("invalid-spend", e.get("code").asText(), r.body());
                assertEquals(c[1], e.get("errors").get(0).get("field").asText(), r.body());
                assertTrue(e.get("message").asText().contains(c[2]), r.body());
            }
            HttpResponse<String> r = s.post("/v1/spend", spend("a", "1 EOS", "future", now.plus(Duration.ofHours(1))));
            assertEquals(422, r.statusCode(), r.body());
            assertEquals("spend-out-of-range", json(r).get("code").asText());
            r = s.post("/v1/spend", spend("a", "1 EOS", "ancient", now.minus(Duration.ofDays(40))));
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(json(r).get("message").asText().contains("before the spending kept"), r.body());
            assertEquals(400, s.post("/v1/spend", "[1]").statusCode());
            assertEquals("malformed-json", json(s.post("/v1/spend", "{")).get("code").asText());

            String[][] queries = {
                {"asset=EOS", "account", "parameter `account` is missing"},
                {"account=a", "asset", "parameter `asset` is missing"},
                {"account=a&account=b&asset=EOS", "account", "is given 2 times"},
                {"account=a&asset=EOS&period=1y", "period", "is not a number and a unit"},
                {"account=a&asset=EOS&period=40d", "period", "longer than the spending kept"},
                {"account=a&asset=EOS&at=noon", "at", "is not a time"},
                {"account=a&asset=EOS&colour=red", "colour", "unknown parameter `colour`"},
            };
            for (String[] q : queries) {
                HttpResponse<String> g = s.get("/v1/spent?" + q[0]);
                assertEquals(400, g.statusCode(), q[0] + " " + g.body());
                assertEquals("invalid-spend", json(g).get("code").asText());
                assertEquals(q[1], json(g).get("errors").get(0).get("parameter").asText(), g.body());
                assertTrue(json(g).get("message").asText().contains(q[2]), g.body());
            }
            // a window reaching back past what pruning deleted is refused, not answered short
            HttpResponse<String> g = s.get("/v1/spent?account=a&asset=EOS&period=7d&at=2000-01-01T00:00:00Z");
            assertEquals(422, g.statusCode(), g.body());
            assertEquals("spend-out-of-range", json(g).get("code").asText());
        }
    }

    @Test
    void sums_survive_a_restart_of_the_server() throws Exception {
        Path db = dir.resolve("spending.db");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TestServer s = server(db)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, s.post("/v1/spend", spend("a", "0.00" + (i % 10) + "1 EOS", "t" + i, now.minusSeconds(i * 60L))).statusCode());
            }
        }
        try (TestServer s = server(db)) {
            HttpResponse<String> r = s.get("/v1/spent?account=a&asset=EOS&period=24h");
            assertEquals("0.0920 EOS", json(r).get("spent").get("24h").asText(), r.body());
            assertEquals(20, json(r).get("count").get("24h").asInt());
        }
    }

    @Test
    void a_failing_store_answers_503_and_degrades_health_until_it_works() throws Exception {
        Path db = dir.resolve("spending.db");
        try (TestServer s = server(db); var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals("ok", json(s.get("/health")).get("status").asText());
            other.createStatement().execute("BEGIN EXCLUSIVE");
            HttpResponse<String> r = s.post("/v1/spend", spend("a", "1 EOS", "x", null));
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("spending-unavailable", json(r).get("code").asText());
            JsonNode health = json(s.get("/health"));
            assertEquals("degraded", health.get("status").asText(), health.toString());
            assertEquals("spending-failing", health.get("details").get("problems").get(0).get("code").asText(), health.toString());
            assertTrue(s.get("/metrics").body().contains("quorate_spending_failing 1.0"));
            other.createStatement().execute("ROLLBACK");
            assertEquals(200, s.post("/v1/spend", spend("a", "1 EOS", "x", null)).statusCode());
            assertEquals("ok", json(s.get("/health")).get("status").asText());
        }
    }

    @Test
    void without_a_spending_database_every_question_fails_closed() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o)) {
            HttpResponse<String> r = s.post("/v1/spend", spend("a", "1 EOS", "x", null));
            assertEquals(501, r.statusCode(), r.body());
            assertEquals("spending-disabled", json(r).get("code").asText());
            assertEquals(501, s.get("/v1/spent?account=a&asset=EOS").statusCode());
            assertFalse(s.server.spending().kept());
            SpendingUnavailableException e = assertThrows(SpendingUnavailableException.class,
                    () -> s.server.spending().spent("a", "EOS", Duration.ofHours(24), Instant.now()));
            assertTrue(e.getMessage().contains("--spending-db"), e.getMessage());
        }
    }
}
