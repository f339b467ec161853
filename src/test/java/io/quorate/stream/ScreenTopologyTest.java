package io.quorate.stream;

import static io.quorate.stream.StreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The screening topology on the test driver: accounts as the chains' APIs print them in, one screening per account out. */
class ScreenTopologyTest {

    static final StreamTopics TOPICS = new StreamTopics("accounts", "screenings", "dead", null);

    record Run(List<KeyValue<String, String>> screenings, List<KeyValue<String, String>> dead) {
    }

    static Run screen(String format, String... records) {
        try (TopologyTestDriver driver = new TopologyTestDriver(ScreenTopology.build(TOPICS, format, new StreamMetrics()),
                StreamFixtures.driverSettings())) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("accounts", new StringSerializer(), new ByteArraySerializer());
            for (String r : records) in.pipeInput("snapshot", r.getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.parse("2026-01-15T00:00:00Z"));
            return new Run(driver.createOutputTopic("screenings", new StringDeserializer(), new StringDeserializer()).readKeyValuesToList(),
                    driver.createOutputTopic("dead", new StringDeserializer(), new StringDeserializer()).readKeyValuesToList());
        }
    }

    static String resource(String path) throws Exception {
        return Files.readString(Path.of("src/test/resources/import", path));
    }

    @Test
    void an_eos_account_gets_its_findings_and_figures_keyed_by_its_name() throws Exception {
        Run run = screen("eos", resource("eos/mymultisig11.json"), resource("eos/malformed.json"));
        assertEquals(1, run.screenings().size());
        assertEquals("mymultisig11", run.screenings().get(0).key);
        JsonNode s = json(run.screenings().get(0).value);
        assertEquals("eos", s.get("chain").asText());
        assertTrue(s.get("figures").size() >= 2, s.toString());
        for (JsonNode fig : s.get("figures")) {
            assertTrue(fig.has("min_signers") && fig.has("max_key_loss") && fig.has("summary"), fig.toString());
        }
        JsonNode owner = null;
        for (JsonNode fig : s.get("figures")) if (fig.get("authority").asText().equals("owner")) owner = fig;
        assertTrue(owner != null, "the owner permission has its figures");
        assertTrue(s.get("config_revision").asText().startsWith("sha256:"));
        assertEquals("accounts-0@0", s.get("source").asText());
        assertEquals(s.get("findings").size(), s.get("summary").get("error").asInt() + s.get("summary").get("warning").asInt()
                + s.get("summary").get("info").asInt());
        JsonNode letter = json(run.dead().get(0).value);
        assertEquals("invalid-account", letter.get("code").asText());
        assertEquals(2, letter.get("errors").size());
        assertTrue(letter.get("message").asText().contains("70000"), letter.toString());
    }

    @Test
    void a_record_of_several_accounts_gives_one_screening_each_and_replays_alike() throws Exception {
        ObjectNode answer = (ObjectNode) json(resource("hive/condenser_get_accounts.json"));
        ArrayNode result = (ArrayNode) answer.get("result");
        ObjectNode second = result.get(0).deepCopy();
        second.put("name", "test.second");
        result.add(second);
        Run run = screen("hive", answer.toString(), answer.toString());
        assertEquals(List.of("test.auth", "test.second", "test.auth", "test.second"), run.screenings().stream().map(kv -> kv.key).toList());
        JsonNode first = json(run.screenings().get(0).value);
        JsonNode replay = json(run.screenings().get(2).value);
        ((ObjectNode) first).remove("source");
        ((ObjectNode) replay).remove("source");
        assertEquals(first, replay, "the same configuration screens the same way");
        assertTrue(run.dead().isEmpty());
    }

    @Test
    void what_is_not_an_account_is_a_dead_letter() {
        Run run = screen("casper", "not json at all {", "");
        assertEquals(List.of("invalid-account", "invalid-account"), run.dead().stream().map(kv -> json(kv.value).get("code").asText()).toList());
        assertTrue(run.screenings().isEmpty());
    }
}
