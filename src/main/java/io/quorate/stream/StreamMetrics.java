package io.quorate.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.engine.Decision;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The stream's figures in Prometheus format through Micrometer, as the service's: decisions by
 * outcome and first reason, dead letters by code, accounts screened, policy swaps, Kafka
 * Streams' own client metrics (lag, commit and process rates, per thread) and the JVM's.
 * Counters on the record path are looked up once and cached.
 */
public final class StreamMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Counter screened;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private KafkaStreamsMetrics streams;

    public StreamMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        screened = Counter.builder("quorate.stream.screened").description("accounts screened").register(registry);
    }

    /** Counts the policy swaps of {@code slot}. */
    public void watch(PolicySlot slot) {
        Gauge.builder("quorate.stream.policy.swaps", slot, PolicySlot::swaps)
                .description("policy revisions installed since the start").register(registry);
    }

    /** Adds the Kafka Streams client's own metrics. */
    public synchronized void bind(KafkaStreams kafkaStreams) {
        streams = new KafkaStreamsMetrics(kafkaStreams);
        streams.bindTo(registry);
    }

    void decision(Decision d) {
        String reason = d.reasons().isEmpty() ? "none" : d.reasons().get(0).code();
        String key = d.decision().label() + '\u0000' + reason;
        Counter c = decisions.get(key);
        if (c == null) {
            c = decisions.computeIfAbsent(key, k -> Counter.builder("quorate.stream.decisions")
                    .description("decisions made, by outcome and the first reason")
                    .tags("outcome", d.decision().label(), "reason", reason)
                    .register(registry));
        }
        c.increment();
    }

    void deadLetter(String code) {
        Counter c = deadLetters.get(code);
        if (c == null) {
            c = deadLetters.computeIfAbsent(code, k -> Counter.builder("quorate.stream.dead.letters")
                    .description("records written to the dead-letter topic, by error code")
                    .tags("code", code)
                    .register(registry));
        }
        c.increment();
    }

    void screened(int accounts) {
        screened.increment(accounts);
    }

    /** The figures in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        if (streams != null) streams.close();
        gc.close();
        registry.close();
    }
}
