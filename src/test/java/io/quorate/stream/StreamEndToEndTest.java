package io.quorate.stream;

import static io.quorate.stream.StreamFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.TransactionLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision stream against a real broker started in this JVM (KRaft, loopback, no Docker):
 * the policy comes from a compacted topic, changes mid-stream, and the instance is stopped and a
 * new one started while transactions keep coming. Every transaction is decided exactly once, as
 * {@code authorize} decides it with the revision in force, and the bad record is a dead letter.
 * Every wait is bounded; the whole test takes well under a minute.
 */
class StreamEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int BATCH = 100;

    @TempDir
    Path dir;

    @Test
    void decides_every_transaction_once_across_a_policy_change_and_a_restart() throws Exception {
        try (InProcessKafka kafka = new InProcessKafka(dir.resolve("kafka"))) {
            kafka.createTopics(Map.of("tx", 2, "decisions", 2, "dead", 1), Map.of());
            kafka.createTopics(Map.of("policy", 1), Map.of("cleanup.policy", "compact"));
            String strict = StreamFixtures.vault(2);
            String lenient = StreamFixtures.vault(1);
            Map<String, PreparedPolicy> byRevision = new HashMap<>();
            for (String text : List.of(strict, lenient)) {
                PreparedPolicy p = Quorate.prepare(PolicyLoader.load("vault.yaml", text));
                byRevision.put(p.revision(), p);
            }
            String strictRevision = Quorate.prepare(PolicyLoader.load("vault.yaml", strict)).revision();
            String lenientRevision = Quorate.prepare(PolicyLoader.load("vault.yaml", lenient)).revision();
            List<String> examples = StreamFixtures.vaultTransactions();
            Map<String, String> sent = new HashMap<>();
            Properties settings = StreamFixtures.driverSettings();
            settings.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            settings.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");

            try (KafkaProducer<String, String> producer = kafka.producer()) {
                producer.send(new ProducerRecord<>("policy", "vault.yaml", strict)).get();
                PolicySlot first = new PolicySlot();
                StreamRunner runner = StreamRunner.start(DecisionTopology.build(
                        new StreamTopics("tx", "decisions", "dead", "policy"), first, new StreamMetrics()), settings, null);
                assertTrue(runner.awaitRunning(WAIT), "the instance runs");
                assertEquals(strictRevision, first.current().revision(), "the policy topic is read before the first decision");

                send(producer, examples, "a", sent);
                producer.send(new ProducerRecord<>("tx", "vault", "{\"account\": ")).get();
                assertEquals(BATCH, kafka.readCommitted("decisions", BATCH, WAIT).size());

                producer.send(new ProducerRecord<>("policy", "vault.yaml", lenient)).get();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!first.current().revision().equals(lenientRevision) && System.nanoTime() < deadline) Thread.sleep(20);
                assertEquals(lenientRevision, first.current().revision(), "the new revision arrives without a restart");
                send(producer, examples, "b", sent);
                runner.close(Duration.ofSeconds(20));

                // transactions keep coming while no instance runs; a new instance takes over where the first committed
                send(producer, examples, "c", sent);
                PolicySlot second = new PolicySlot();
                StreamRunner again = StreamRunner.start(DecisionTopology.build(
                        new StreamTopics("tx", "decisions", "dead", "policy"), second, new StreamMetrics()), settings, null);
                assertTrue(again.awaitRunning(WAIT), "the new instance runs");
                assertEquals(lenientRevision, second.current().revision(), "a new instance starts on the latest revision");
                List<ConsumerRecord<String, String>> decisions = kafka.readCommitted("decisions", 3 * BATCH, WAIT);
                again.close(Duration.ofSeconds(20));

                assertEquals(3 * BATCH, decisions.size(), "every transaction decided once: none lost, none duplicated");
                Set<String> ids = new HashSet<>();
                Set<String> decisionIds = new HashSet<>();
                for (ConsumerRecord<String, String> r : decisions) {
                    ObjectNode got = (ObjectNode) json(r.value());
                    assertTrue(decisionIds.add(got.remove("decision_id").asText()));
                    String id = got.get("id").asText();
                    assertTrue(ids.add(id), "decided twice: " + id);
                    String revision = got.get("policy_revision").asText();
                    assertEquals(id.startsWith("a-") ? strictRevision : lenientRevision, revision, id);
                    PreparedPolicy policy = byRevision.get(revision);
                    var d = policy.authorize(TransactionLoader.load("record", sent.get(id)).get(0));
                    assertEquals(json(DecisionJson.line(d, policy.onChainIds(d))), got, id);
                }
                assertEquals(sent.keySet(), ids);
                List<ConsumerRecord<String, String>> dead = kafka.readCommitted("dead", 1, WAIT);
                assertEquals(1, dead.size());
                assertEquals("malformed-json", json(dead.get(0).value()).get("code").asText());
            }
        }
    }

    /** A batch of the vault's example transactions, each with its own id, keyed by account. */
    static void send(KafkaProducer<String, String> producer, List<String> examples, String batch, Map<String, String> sent)
            throws Exception {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ObjectNode tx = (ObjectNode) json(examples.get(i % examples.size()));
            tx.put("id", batch + "-" + i);
            String text = tx.toString();
            sent.put(batch + "-" + i, text);
            acks.add(producer.send(new ProducerRecord<>("tx", tx.get("account").asText(), text)));
        }
        for (var ack : acks) ack.get();
    }

}
