package io.quorate.stream;

import static io.quorate.stream.StreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a record may claim for itself: approvals and {@code context.spent} count only when the stream trusts its producers. */
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

    void start(StreamTrust trust) throws Exception {
        PolicySlot slot = new PolicySlot();
        slot.install(PolicyLoader.load("treasury.yaml", POLICY));
        driver = new TopologyTestDriver(DecisionTopology.build(DecisionTopologyTest.FILES, slot, new StreamMetrics(), trust),
                StreamFixtures.driverSettings());
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
        start(new StreamTrust(true, true));
        send(transfer("1.0000 EOS", SPENT));
        send(transfer("1.0001 EOS", SPENT));
        send(transfer("60.0000 EOS", APPROVED + ",\"context\":{\"spent\":{\"24h\":\"0.0000 EOS\"}}"));
        List<String> out = decisions.readValuesToList();
        assertEquals(List.of("allow", "deny", "allow"), out.stream().map(v -> json(v).get("decision").asText()).toList(), out.toString());
        assertEquals("condition-denied", json(out.get(1)).get("reasons").get(0).get("code").asText());
        assertTrue(dead.isEmpty());
    }
}
