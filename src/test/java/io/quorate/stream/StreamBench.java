package io.quorate.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Throughput of the stream topologies, printed as Markdown rows (not a test: run by hand, see
 * docs/streams.md). Policy and traffic come from {@code quorate bench --write DIR --accounts 10000}.
 * <pre>
 * driver DIR SECONDS                      decisions/s through the test driver (exactly-once settings)
 * broker DIR RECORDS PARTITIONS THREADS   decisions/s through an in-process broker, for each P and T listed (comma-separated)
 * screen ACCOUNT_JSON ACCOUNTS            EOS accounts screened per second through the test driver
 * </pre>
 */
public final class StreamBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "driver" -> driver(Path.of(args[1]), Double.parseDouble(args[2]));
            case "broker" -> broker(Path.of(args[1]), Integer.parseInt(args[2]), ints(args[3]), ints(args[4]));
            case "screen" -> screen(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static List<Integer> ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
    }

    record Traffic(List<String> keys, List<byte[]> values) {
    }

    static Traffic traffic(Path dir) throws Exception {
        JsonNode all = StreamFixtures.JSON.readTree(dir.resolve("batch.json").toFile());
        List<String> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (JsonNode tx : all) {
            keys.add(tx.get("account").asText());
            values.add(StreamFixtures.JSON.writeValueAsBytes(tx));
        }
        return new Traffic(keys, values);
    }

    static PolicySlot compiled(Path dir) throws Exception {
        long start = System.nanoTime();
        PreparedPolicy policy = Quorate.load(List.of(dir.resolve("policy")));
        System.err.printf("policy compiled in %.1f s%n", (System.nanoTime() - start) / 1e9);
        PolicySlot slot = new PolicySlot();
        slot.install(policy);
        return slot;
    }

    static void driver(Path dir, double seconds) throws Exception {
        PolicySlot slot = compiled(dir);
        Traffic t = traffic(dir);
        StreamTopics topics = new StreamTopics("tx", "decisions", "dead", null);
        try (TopologyTestDriver driver = new TopologyTestDriver(DecisionTopology.build(topics, slot, new StreamMetrics()),
                StreamFixtures.driverSettings())) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("tx", new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("decisions", new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> dead = driver.createOutputTopic("dead", new StringDeserializer(), new StringDeserializer());
            for (String phase : List.of("warm-up", "measured")) {
                long count = 0;
                long allowed = 0;
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                int i = 0;
                while (System.nanoTime() < end) {
                    in.pipeInput(t.keys().get(i), t.values().get(i));
                    if (++i == t.keys().size()) i = 0;
                    if ((i & 1023) == 0) {
                        for (String v : out.readValuesToList()) {
                            count++;
                            if (v.contains("\"decision\":\"allow\"")) allowed++;
                        }
                        if (!dead.isEmpty()) throw new AssertionError("dead letter: " + dead.readValue());
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("| test driver | %s | %,.0f | %d of %d allowed |%n", phase, count / s, allowed, count);
            }
        }
    }

    static void broker(Path dir, int records, List<Integer> partitionCounts, List<Integer> threadCounts) throws Exception {
        PolicySlot slot = compiled(dir);
        Traffic t = traffic(dir);
        Path tmp = Files.createTempDirectory("quorate-stream-bench");
        try (InProcessKafka kafka = new InProcessKafka(tmp.resolve("kafka"))) {
            int run = 0;
            for (int partitions : partitionCounts) {
                for (int threads : threadCounts) {
                    run++;
                    String in = "tx" + run;
                    String out = "decisions" + run;
                    kafka.createTopics(Map.of(in, partitions, out, partitions, "dead" + run, 1), Map.of());
                    // Not idempotent: on a busy single node a fresh topic's leadership settles while the load is sent, and the
                    // idempotent producer's retries then fail on their sequence numbers; one request in flight keeps the order.
                    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                            "linger.ms", 20, "batch.size", 262144, "enable.idempotence", false, "max.in.flight.requests.per.connection", 1),
                            new StringSerializer(), new ByteArraySerializer())) {
                        for (int i = 0; i < records; i++) {
                            int k = i % t.keys().size();
                            producer.send(new ProducerRecord<>(in, t.keys().get(k), t.values().get(k)));
                        }
                        producer.flush();
                    }
                    Properties settings = StreamFixtures.driverSettings();
                    settings.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + run);
                    settings.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                    settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state" + run).toString());
                    settings.setProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
                    StreamRunner runner = StreamRunner.start(DecisionTopology.build(new StreamTopics(in, out, "dead" + run, null), slot,
                            new StreamMetrics()), settings, null);
                    long[] firstLast;
                    try {
                        firstLast = countDecisions(kafka, out, records, Duration.ofMinutes(3));
                    } finally {
                        runner.close(Duration.ofSeconds(30));
                    }
                    double s = (firstLast[1] - firstLast[0]) / 1e9;
                    System.out.printf("| in-process broker | %d | %d | %,d | %,.0f |%n", partitions, threads, records, (records - 1) / s);
                }
            }
        }
    }

    /** Nanos of the first and the last committed decision seen. */
    static long[] countDecisions(InProcessKafka kafka, String topic, int records, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long first = 0;
        long seen = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                int n = c.poll(Duration.ofMillis(100)).count();
                if (n > 0 && first == 0) first = System.nanoTime();
                seen += n;
            }
        }
        if (seen < records) throw new AssertionError("only " + seen + " of " + records + " decisions");
        return new long[] {first, System.nanoTime()};
    }

    static void screen(Path accountJson, int accounts) throws Exception {
        ObjectNode account = (ObjectNode) StreamFixtures.JSON.readTree(accountJson.toFile());
        StreamTopics topics = new StreamTopics("accounts", "screenings", "dead", null);
        StreamMetrics metrics = new StreamMetrics();
        try (TopologyTestDriver driver = new TopologyTestDriver(ScreenTopology.build(topics, "eos", metrics),
                StreamFixtures.driverSettings())) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("accounts", new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("screenings", new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> dead = driver.createOutputTopic("dead", new StringDeserializer(), new StringDeserializer());
            in.pipeInput("warm", StreamFixtures.JSON.writeValueAsBytes(account));
            out.readValuesToList();
            long start = System.nanoTime();
            long screened = 0;
            for (int i = 0; i < accounts; i++) {
                String name = name(i);
                account.put("account_name", name);
                in.pipeInput(name, StreamFixtures.JSON.writeValueAsString(account).getBytes(StandardCharsets.UTF_8));
                if ((i & 255) == 255 || i == accounts - 1) {
                    screened += out.readValuesToList().size();
                    if (!dead.isEmpty()) throw new AssertionError("dead letter: " + dead.readValue());
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("| screening, test driver | %,d accounts | %.1f s | %,.0f accounts/s |%n", screened, s, screened / s);
        }
    }

    /** A distinct 12-character EOS name. */
    static String name(int i) {
        StringBuilder b = new StringBuilder("scr");
        String digits = "abcdefghijklmnopqrstuvwxyz12345";
        for (int k = 0; k < 9; k++) {
            b.append(digits.charAt(i % 31));
            i /= 31;
        }
        return b.toString();
    }

    private StreamBench() {
    }
}
