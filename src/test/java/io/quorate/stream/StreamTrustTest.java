package io.quorate.stream;

import static io.quorate.stream.StreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a record may claim for itself: approvals, {@code context.time} and {@code context.spent} count only when the stream trusts its producers. */
class StreamTrustTest {

    static final String POLICY = """
            quorate: 1
            keys:
              cfo: EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x
              deputy: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
            groups:
              office: [cfo, deputy]
            accounts:
              treasury1111:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                  active: {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                conditions:
                  rules:
                    - {name: daily-limit, when: {action: eosio.token::transfer, spent: {period: 24h, over: "100.0000 EOS"}}, deny: daily limit reached}
                    - {name: large, when: {action: eosio.token::transfer, amount: {gt: "50.0000 EOS"}}, require: {group: office, count: 2}}
            """;

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> in;
    TestOutputTopic<String, String> decisions;
    TestOutputTopic<String, String> dead;

    /**
     * A vault whose spending authority held only until June 2026, and whose payments the
     * organisation allows on weekdays from 09:00 to 17:00 UTC.
     */
    static final String EXPIRED = """
            quorate: 1
            keys:
              alice: {key: alice-hsm}
              bob: {key: bob-hsm}
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 2, keys: [{key: alice, weight: 1}, {key: bob, weight: 1}]}
                  spend:
                    threshold: 1
                    keys: [{key: alice, weight: 1}]
                    valid: {from: 2026-01-01T00:00:00Z, until: 2026-06-01T00:00:00Z}
                actions: {withdraw: spend, pay: admin, "*": admin}
                conditions:
                  rules:
                    - name: office-hours
                      when: {action: pay, time: {outside: {days: [mon, tue, wed, thu, fri], hours: "09:00-17:00"}}}
                      deny: payments only in office hours
            """;

    /** A Saturday, three months after the spending authority expired. */
    static final Instant PROCESSOR_CLOCK = Instant.parse("2026-09-05T12:00:00Z");
    /** A Wednesday at 10:00, inside the spending authority's validity and office hours. */
    static final String PAST = "2026-03-04T10:00:00Z";

    void start(StreamTrust trust) throws Exception {
        start(trust, "treasury.yaml", POLICY, Instant.now());
    }

    void start(StreamTrust trust, String name, String policy, Instant wallClock) throws Exception {
        PolicySlot slot = new PolicySlot();
        slot.install(PolicyLoader.load(name, policy));
        driver = new TopologyTestDriver(DecisionTopology.build(DecisionTopologyTest.FILES, slot, new StreamMetrics(), trust),
                StreamFixtures.driverSettings(), wallClock);
        in = driver.createInputTopic("tx", new StringSerializer(), new ByteArraySerializer());
        decisions = driver.createOutputTopic("decisions", new StringDeserializer(), new StringDeserializer());
        dead = driver.createOutputTopic("dead", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    static String transfer(String quantity, String extra) {
        return "{\"account\":\"treasury1111\",\"action\":\"eosio.token::transfer\",\"signatures\":[\"cfo\"],"
                + "\"data\":{\"from\":\"treasury1111\",\"to\":\"supplier\",\"quantity\":\"" + quantity + "\",\"memo\":\"x\"}" + extra + "}";
    }

    void send(String tx) {
        in.pipeInput("treasury1111", tx.getBytes(StandardCharsets.UTF_8));
    }

    static final String SPENT = ",\"context\":{\"spent\":{\"24h\":\"99.0000 EOS\"}}";
    static final String APPROVED = ",\"approved_by\":[\"deputy\"]";

    @Test
    void by_default_a_record_claims_neither_approvals_nor_spending() throws Exception {
        start(StreamTrust.NONE);
        send(transfer("1.0000 EOS", SPENT));
        send(transfer("60.0000 EOS", APPROVED + SPENT));
        JsonNode d = json(decisions.readValue());
        assertEquals("deny", d.get("decision").asText());
        assertEquals("missing-data", d.get("reasons").get(0).get("code").asText(), d.toString());
        assertTrue(d.get("reasons").get(0).get("message").asText().contains("--trust-context-spent"), d.toString());
        List<String> letters = dead.readValuesToList();
        assertEquals(1, letters.size());
        assertEquals("untrusted-approvals", json(letters.get(0)).get("code").asText());
        assertTrue(json(letters.get(0)).get("message").asText().contains("`deputy`"), letters.get(0));
        assertTrue(decisions.isEmpty());
    }

    @Test
    void a_trusted_topic_decides_on_what_its_records_claim() throws Exception {
        start(new StreamTrust(true, false, true));
        send(transfer("1.0000 EOS", SPENT));
        send(transfer("1.0001 EOS", SPENT));
        send(transfer("60.0000 EOS", APPROVED + ",\"context\":{\"spent\":{\"24h\":\"0.0000 EOS\"}}"));
        List<String> out = decisions.readValuesToList();
        assertEquals(List.of("allow", "deny", "allow"), out.stream().map(v -> json(v).get("decision").asText()).toList(), out.toString());
        assertEquals("condition-denied", json(out.get(1)).get("reasons").get(0).get("code").asText());
        assertTrue(dead.isEmpty());
    }

    static String vault(String action, String signatures, String context) {
        return "{\"account\":\"vault\",\"action\":\"" + action + "\",\"signatures\":[" + signatures + "]" + context + "}";
    }

    static String at(String time) {
        return ",\"context\":{\"time\":\"" + time + "\"}";
    }

    void sendVault(String tx, Instant recordTimestamp) {
        in.pipeInput("vault", tx.getBytes(StandardCharsets.UTF_8), recordTimestamp);
    }

    @Test
    void by_default_a_past_context_time_revives_neither_an_expired_authority_nor_an_office_hour() throws Exception {
        start(StreamTrust.NONE, "vault.yaml", EXPIRED, PROCESSOR_CLOCK);
        // the record's timestamp claims the past as well: neither it nor context.time is the clock
        Instant past = Instant.parse(PAST);
        sendVault(vault("withdraw", "\"alice\"", at(PAST)), past);
        sendVault(vault("pay", "\"alice\",\"bob\"", at(PAST)), past);
        sendVault(vault("withdraw", "\"alice\"", ""), past);
        List<String> out = decisions.readValuesToList();
        assertEquals(List.of("deny", "deny", "deny"), out.stream().map(v -> json(v).get("decision").asText()).toList(), out.toString());
        for (int i : new int[] {0, 2}) {
            JsonNode reason = json(out.get(i)).get("reasons").get(0);
            assertEquals("authority-not-valid", reason.get("code").asText(), out.get(i));
            assertTrue(reason.get("message").asText().endsWith("not at " + PROCESSOR_CLOCK), out.get(i));
        }
        assertEquals("condition-denied", json(out.get(1)).get("reasons").get(0).get("code").asText(), out.get(1));
        assertEquals("office-hours", json(out.get(1)).get("conditions").get("matched").get(0).asText(), out.get(1));
        assertTrue(dead.isEmpty());
    }

    @Test
    void the_processor_clock_moves_on_while_records_keep_their_time() throws Exception {
        start(StreamTrust.NONE, "vault.yaml", EXPIRED, Instant.parse("2026-05-31T23:00:00Z"));
        sendVault(vault("withdraw", "\"alice\"", at("2026-05-31T23:00:00Z")), Instant.parse("2026-05-31T23:00:00Z"));
        driver.advanceWallClockTime(Duration.ofHours(2));
        sendVault(vault("withdraw", "\"alice\"", at("2026-05-31T23:00:00Z")), Instant.parse("2026-05-31T23:00:00Z"));
        List<String> out = decisions.readValuesToList();
        assertEquals(List.of("allow", "deny"), out.stream().map(v -> json(v).get("decision").asText()).toList(), out.toString());
        assertTrue(json(out.get(1)).get("reasons").get(0).get("message").asText().endsWith("not at 2026-06-01T01:00:00Z"), out.get(1));
    }

    @Test
    void a_stream_trusting_context_time_decides_at_the_time_a_record_carries() throws Exception {
        start(new StreamTrust(false, true, false), "vault.yaml", EXPIRED, PROCESSOR_CLOCK);
        Instant now = PROCESSOR_CLOCK;
        sendVault(vault("withdraw", "\"alice\"", at(PAST)), now);
        sendVault(vault("pay", "\"alice\",\"bob\"", at(PAST)), now);
        sendVault(vault("pay", "\"alice\",\"bob\"", at("2026-03-07T10:00:00Z")), now);
        List<String> out = decisions.readValuesToList();
        assertEquals(List.of("allow", "allow", "deny"), out.stream().map(v -> json(v).get("decision").asText()).toList(), out.toString());
        assertEquals("condition-denied", json(out.get(2)).get("reasons").get(0).get("code").asText(), out.get(2));
        assertTrue(dead.isEmpty());
    }

    @Test
    void the_processor_clock_replaces_only_the_time_of_the_context() {
        io.quorate.transaction.Context given = new io.quorate.transaction.Context(Instant.parse(PAST), 120L, 1_731_502_619_990L, 3L, 60,
                java.util.Map.of(Duration.ofHours(24), List.of()));
        io.quorate.transaction.Transaction tx = new io.quorate.transaction.Transaction("t", List.of(), List.of("alice"), List.of(),
                "main", given, null, null, null, List.of("bob"));
        io.quorate.transaction.Context c = DecideProcessor.atProcessorClock(tx, PROCESSOR_CLOCK).context();
        assertEquals(new io.quorate.transaction.Context(PROCESSOR_CLOCK, 120L, 1_731_502_619_990L, 3L, 60, given.spent()), c);
    }
}
