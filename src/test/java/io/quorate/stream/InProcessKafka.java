package io.quorate.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM: one combined KRaft controller and broker on loopback ports,
 * its logs in a temporary directory, gone when closed. Replication factors are 1 so
 * transactions and consumer groups work with a single node.
 */
final class InProcessKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    InProcessKafka(Path dir) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "2")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "2")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    void createTopics(Map<String, Integer> partitions, Map<String, String> topicConfig) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            partitions.forEach((name, n) -> topics.add(new NewTopic(name, n, (short) 1).configs(topicConfig)));
            admin.createTopics(topics).all().get();
            // a producer that writes before every partition has its leader may see its retries out of order
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!led(admin, partitions.keySet()) && System.nanoTime() < deadline) Thread.sleep(50);
        }
    }

    private static boolean led(Admin admin, java.util.Set<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (java.util.concurrent.ExecutionException e) {
            // the broker does not know the new topic yet
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) return false;
            throw new IllegalStateException(e.getCause());
        }
    }

    KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Every committed record of {@code topic}, polling until {@code count} have come or {@code timeout} has passed. */
    List<ConsumerRecord<String, String>> readCommitted(String topic, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // a moment more, so that a duplicate beyond the expected count would be seen
            c.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
