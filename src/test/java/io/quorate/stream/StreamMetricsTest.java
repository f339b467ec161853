package io.quorate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Decisions, dead letters and policy swaps are counted, and {@code /metrics} serves them to Prometheus. */
class StreamMetricsTest {

    @Test
    void decisions_and_dead_letters_are_counted_and_served() throws Exception {
        PolicySlot slot = new PolicySlot();
        slot.install(PolicyLoader.load("vault.yaml", StreamFixtures.vault(2)));
        StreamMetrics metrics = new StreamMetrics();
        metrics.watch(slot);
        try (TopologyTestDriver driver = new TopologyTestDriver(
                DecisionTopology.build(new StreamTopics("tx", "decisions", "dead", null), slot, metrics), StreamFixtures.driverSettings());
             MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("tx", new StringSerializer(), new ByteArraySerializer());
            in.pipeInput("vault", "{\"account\": \"vault\", \"action\": \"withdraw\", \"signatures\": [\"custodian_b\"]}"
                    .getBytes(StandardCharsets.UTF_8));
            in.pipeInput("vault", "{".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String body = r.body();
            assertTrue(body.contains("quorate_stream_decisions_total{outcome=\"deny\",reason=\"unsatisfied-authority\"} 1.0"), body);
            assertTrue(body.contains("quorate_stream_dead_letters_total{code=\"malformed-json\"} 1.0"), body);
            assertTrue(body.contains("quorate_stream_policy_swaps 1.0"), body);
        } finally {
            metrics.close();
        }
    }
}
