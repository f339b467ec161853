package io.quorate.stream;

import static io.quorate.stream.StreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision topology on Kafka Streams' test driver: no broker, every record accounted for. */
class DecisionTopologyTest {

    static final StreamTopics FILES = new StreamTopics("tx", "decisions", "dead", null);
    static final StreamTopics TOPIC = new StreamTopics("tx", "decisions", "dead", "policy");

    @TempDir
    Path dir;

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> in;
    TestOutputTopic<String, String> decisions;
    TestOutputTopic<String, String> dead;

    void start(StreamTopics topics, PolicySlot slot) {
        driver = new TopologyTestDriver(DecisionTopology.build(topics, slot, new StreamMetrics()), StreamFixtures.driverSettings());
        in = driver.createInputTopic("tx", new StringSerializer(), new ByteArraySerializer());
        decisions = driver.createOutputTopic("decisions", new StringDeserializer(), new StringDeserializer());
        dead = driver.createOutputTopic("dead", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    PolicySlot slotWith(String policyText) throws Exception {
        PolicySlot slot = new PolicySlot();
        slot.install(PolicyLoader.load("vault.yaml", policyText));
        return slot;
    }

    @Test
    void decisions_are_the_objects_authorize_prints_with_the_record_as_decision_id() throws Exception {
        Path policy = Files.writeString(dir.resolve("vault.yaml"), StreamFixtures.vault(2));
        PolicySlot slot = new PolicySlot();
        PolicyFileWatch.start(List.of(policy), slot, java.time.Duration.ofSeconds(1)).close();
        start(FILES, slot);
        List<String> txs = StreamFixtures.vaultTransactions();
        for (String tx : txs) in.pipeInput(json(tx).get("account").asText(), bytes(tx));
        List<KeyValue<String, String>> out = decisions.readKeyValuesToList();
        List<JsonNode> expected = StreamFixtures.authorize(policy, txs, dir);
        assertEquals(txs.size(), out.size());
        assertEquals(expected.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            ObjectNode got = (ObjectNode) json(out.get(i).value);
            assertEquals("tx-0@" + i, got.remove("decision_id").asText());
            assertEquals(expected.get(i), got, "record " + i);
            assertEquals(json(txs.get(i)).get("account").asText(), out.get(i).key, "decisions keep the record's key");
            assertEquals(slot.current().revision(), got.get("policy_revision").asText());
        }
        assertEquals(List.of("allow", "deny", "deny", "deny"), out.stream().map(kv -> json(kv.value).get("decision").asText()).toList());
        assertTrue(dead.isEmpty());
    }

    @Test
    void records_that_cannot_be_read_are_dead_letters_with_their_error_and_nothing_is_dropped() throws Exception {
        start(FILES, slotWith(StreamFixtures.vault(2)));
        in.pipeInput("vault", bytes("{\"account\": \"vault\", \"action\": "));
        in.pipeInput("vault", new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        in.pipeInput("vault", (byte[]) null);
        in.pipeInput("vault", bytes("{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_a\"], \"colour\": 1}"));
        in.pipeInput("vault", bytes("[{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": []},"
                + " {\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": []}]"));
        in.pipeInput("vault", bytes("{\"account\": \"vault\", \"action\": \"withdraw\", \"approvals\": [\"nobody\"]}"));
        in.pipeInput("vault", bytes("{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_a\", \"custodian_b\"]}"));
        List<KeyValue<String, String>> letters = dead.readKeyValuesToList();
        assertEquals(List.of("malformed-json", "not-utf8", "empty-record", "invalid-transaction", "not-one-transaction",
                "undecidable-transaction"), letters.stream().map(kv -> json(kv.value).get("code").asText()).toList());
        JsonNode unknown = json(letters.get(3).value);
        assertEquals("unknown-field", unknown.get("errors").get(0).get("code").asText());
        assertEquals(1, unknown.get("errors").get(0).get("line").asInt());
        assertTrue(unknown.get("errors").get(0).get("column").asInt() > 1, unknown.toString());
        assertTrue(unknown.get("value").asText().contains("colour"), "the record itself travels with its error");
        assertEquals("vault", letters.get(3).key);
        assertEquals(3, unknown.get("source").get("offset").asInt());
        assertEquals("//54", json(letters.get(1).value).get("value_base64").asText(), "a record that is not text travels as base64");
        List<String> decided = decisions.readValuesToList();
        assertEquals(1, decided.size(), "seven records: six dead letters and one decision");
        assertEquals("allow", json(decided.get(0)).get("decision").asText());
    }

    @Test
    void a_policy_switch_mid_stream_applies_from_the_next_record_and_names_its_revision() throws Exception {
        PolicySlot slot = slotWith(StreamFixtures.vault(2));
        start(FILES, slot);
        String oneCustodian = "{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_b\"]}";
        in.pipeInput("vault", bytes(oneCustodian));
        String before = slot.current().revision();
        assertTrue(slot.install(PolicyLoader.load("vault.yaml", StreamFixtures.vault(1))));
        assertFalse(slot.install(PolicyLoader.load("vault.yaml", StreamFixtures.vault(1))), "the same revision is not compiled twice");
        in.pipeInput("vault", bytes(oneCustodian));
        List<JsonNode> out = decisions.readValuesToList().stream().map(StreamFixtures::json).toList();
        assertEquals("deny", out.get(0).get("decision").asText());
        assertEquals(before, out.get(0).get("policy_revision").asText());
        assertEquals("allow", out.get(1).get("decision").asText());
        assertEquals(slot.current().revision(), out.get(1).get("policy_revision").asText());
        assertNotEquals(before, slot.current().revision());
    }

    @Test
    void the_policy_topic_gives_every_revision_and_a_bad_one_leaves_the_last_good_one_deciding() throws Exception {
        PolicySlot slot = new PolicySlot();
        start(TOPIC, slot);
        TestInputTopic<String, String> policy = driver.createInputTopic("policy", new StringSerializer(), new StringSerializer());
        String oneCustodian = "{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_b\"]}";
        in.pipeInput("vault", bytes(oneCustodian));
        assertEquals("policy-not-ready", json(dead.readValue()).get("code").asText(), "nothing is decided before a policy compiles");
        policy.pipeInput("vault.yaml", StreamFixtures.vault(2));
        in.pipeInput("vault", bytes(oneCustodian));
        policy.pipeInput("vault.yaml", StreamFixtures.vault(1));
        in.pipeInput("vault", bytes(oneCustodian));
        policy.pipeInput("vault.yaml", "quorate: 1\naccounts:\n  vault: {chain: nowhere}\n");
        in.pipeInput("vault", bytes(oneCustodian));
        List<JsonNode> out = decisions.readValuesToList().stream().map(StreamFixtures::json).toList();
        assertEquals(List.of("deny", "allow", "allow"), out.stream().map(d -> d.get("decision").asText()).toList());
        String v1 = PolicyLoader.load("vault.yaml", StreamFixtures.vault(1)).revision();
        assertEquals(PolicyLoader.load("vault.yaml", StreamFixtures.vault(2)).revision(), out.get(0).get("policy_revision").asText());
        assertEquals(v1, out.get(1).get("policy_revision").asText());
        assertEquals(v1, out.get(2).get("policy_revision").asText(), "the rejected revision never decides");
        assertTrue(dead.isEmpty());
    }

    @Test
    void exactly_once_is_the_default_and_flags_win_over_the_properties_file() throws Exception {
        Path file = Files.writeString(dir.resolve("stream.properties"),
                "security.protocol=SASL_SSL\nnum.stream.threads=4\nprocessing.guarantee=at_least_once\n");
        var defaults = java.util.Map.of("num.stream.threads", "1", "processing.guarantee", "exactly_once_v2", "application.id", "a");
        assertEquals("exactly_once_v2", StreamSettings.of(defaults, null, java.util.Map.of()).getProperty("processing.guarantee"));
        var fromFile = StreamSettings.of(defaults, file, java.util.Map.of());
        assertEquals("SASL_SSL", fromFile.getProperty("security.protocol"), "security settings pass through");
        assertEquals("4", fromFile.getProperty("num.stream.threads"));
        assertEquals("at_least_once", fromFile.getProperty("processing.guarantee"));
        var flags = new java.util.HashMap<String, String>();
        flags.put("num.stream.threads", "2");
        flags.put("bootstrap.servers", null);
        assertEquals("2", StreamSettings.of(defaults, file, flags).getProperty("num.stream.threads"));
        // the driver runs the topology under exactly-once: each record is committed with its output
        start(FILES, slotWith(StreamFixtures.vault(2)));
        in.pipeInput("vault", bytes("{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_a\", \"custodian_c\"]}"));
        assertEquals("allow", json(decisions.readValue()).get("decision").asText());
        assertEquals("exactly_once_v2", StreamFixtures.driverSettings().getProperty("processing.guarantee"));
    }

    @Test
    void watched_policy_files_switch_the_revision_without_restart() throws Exception {
        Path policy = Files.writeString(dir.resolve("vault.yaml"), StreamFixtures.vault(2));
        PolicySlot slot = new PolicySlot();
        try (PolicyFileWatch watch = PolicyFileWatch.start(List.of(dir), slot, java.time.Duration.ofMillis(50))) {
            String first = slot.current().revision();
            Files.writeString(policy, "quorate: 1\naccounts:\n  vault: {chain: nowhere}\n");
            assertFalse(watch.reload(), "a policy that does not load is rejected");
            assertEquals(first, slot.current().revision());
            Files.writeString(policy, StreamFixtures.vault(1));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (slot.current().revision().equals(first) && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(PolicyLoader.load(List.of(dir)).revision(), slot.current().revision());
        }
    }
}
