package io.quorate.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quorate.engine.Decision;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's figures, in Prometheus format through Micrometer: requests and their latency by
 * endpoint and outcome, decisions by outcome and reason, reloads, the policy served, the decision
 * log's queue, and the JVM's own figures. Meters on the request path are looked up once and cached.
 */
final class ServerMetrics implements AutoCloseable {

    /** Latency buckets: fine below 10 ms where decisions live, coarse above. */
    private static final Duration[] BUCKETS = {
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> reloads = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private Meter revisionInfo;

    ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One request answered: {@code outcome} is {@code ok} or the error code. */
    void request(String endpoint, int status, String outcome, long nanos) {
        String key = endpoint + '\u0000' + status + '\u0000' + outcome;
        Timer timer = requests.get(key);
        if (timer == null) {
            timer = requests.computeIfAbsent(key, k -> Timer.builder("quorate.http.requests")
                    .description("HTTP requests answered, by endpoint, status and outcome (ok or the error code)")
                    .tags("endpoint", endpoint, "status", Integer.toString(status), "outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void decision(Decision d) {
        String reason = d.reasons().isEmpty() ? "none" : d.reasons().get(0).code();
        String key = d.decision().label() + '\u0000' + reason;
        Counter c = decisions.get(key);
        if (c == null) {
            c = decisions.computeIfAbsent(key, k -> Counter.builder("quorate.decisions")
                    .description("decisions made, by outcome and the first reason")
                    .tags("outcome", d.decision().label(), "reason", reason)
                    .register(registry));
        }
        c.increment();
    }

    /** A reload finished: {@code success}, {@code failure} or {@code unchanged}. */
    void reload(String result) {
        reloads.computeIfAbsent(result, r -> Counter.builder("quorate.policy.reloads")
                .description("policy reloads, by result").tag("result", r).register(registry)).increment();
    }

    /** A new policy is serving: its revision becomes the label of the info gauge. */
    synchronized void serving(ServingPolicy policy) {
        if (revisionInfo != null) registry.remove(revisionInfo);
        revisionInfo = Gauge.builder("quorate.policy.revision.info", () -> 1)
                .description("the revision of the policy being served (value 1)")
                .tags(Tags.of("revision", policy.revision()))
                .register(registry);
    }

    /** Figures read when scraped. */
    void gauges(PolicyStore store, DecisionLog log, WatchState watch) {
        Gauge.builder("quorate.policy.watch.failing", watch, w -> w.problem() == null ? 0 : 1)
                .description("1 while --watch cannot watch the policy files (a policy directory is missing)").register(registry);
        Gauge.builder("quorate.policy.ready", () -> store.current() == null ? 0 : 1)
                .description("1 when a compiled policy is serving").register(registry);
        Gauge.builder("quorate.policy.last.reload.failed", () -> store.lastFailure() == null ? 0 : 1)
                .description("1 when the last reload was rejected (the previous policy keeps serving)").register(registry);
        gauge("quorate.policy.accounts", "accounts in the policy being served",
                () -> store.current() == null ? 0 : store.current().source().accounts().size());
        gauge("quorate.policy.loaded.timestamp.seconds", "when the policy being served was loaded",
                () -> store.current() == null ? 0 : store.current().loadedAt().toEpochMilli() / 1000.0);
        for (io.quorate.diag.Severity severity : io.quorate.diag.Severity.values()) {
            Gauge.builder("quorate.policy.lint.findings", () -> {
                ServingPolicy s = store.current();
                return s == null || s.lint() == null ? 0 : s.lint().count(severity);
            }).description("unsuppressed lint findings of the policy being served, by severity")
                    .tag("severity", severity.label()).register(registry);
        }
        gauge("quorate.policy.lint.suppressed", "suppressed lint findings of the policy being served", () -> {
            ServingPolicy s = store.current();
            return s == null || s.lint() == null || s.lint().report() == null ? 0 : s.lint().report().suppressedCount();
        });
        gauge("quorate.policy.lint.failed", "1 when the linter failed on the policy being served (its findings are unknown)", () -> {
            ServingPolicy s = store.current();
            return s != null && s.lint() != null && s.lint().failure() != null ? 1 : 0;
        });
        if (log == null) return;
        gauge("quorate.decision.log.queue.size", "decision log entries waiting to be written", log::queued);
        gauge("quorate.decision.log.queue.capacity", "the decision log queue's capacity", log::capacity);
        functionCounter("quorate.decision.log.entries", "decision log entries written", log, DecisionLog::written);
        functionCounter("quorate.decision.log.overflows", "times a decision waited for room in a full log queue", log,
                DecisionLog::overflows);
        functionCounter("quorate.decision.log.dropped", "decision log entries lost (the writer was stuck past the wait limit)",
                log, DecisionLog::dropped);
        functionCounter("quorate.decision.log.write.errors", "failed writes or flushes of the decision log (a full disk, say)",
                log, DecisionLog::writeErrors);
        Gauge.builder("quorate.decision.log.failing", log, l -> l.failure() == null ? 0 : 1)
                .description("1 while the decision log cannot be written").register(registry);
    }

    void spending(io.quorate.spending.SpendingStore spending) {
        Gauge.builder("quorate.spending.failing", spending, s -> s.failure() == null ? 0 : 1)
                .description("1 while the spending store fails (rules about spending deny)").register(registry);
    }

    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * A counter read from {@code log} when scraped. Micrometer holds the object of a function
     * counter weakly, so it must be the log itself (held by the server), never a method reference
     * made here, which the next collection would clear and leave the counter at 0.
     */
    private void functionCounter(String name, String description, DecisionLog log, java.util.function.ToLongFunction<DecisionLog> value) {
        io.micrometer.core.instrument.FunctionCounter.builder(name, log, l -> (double) value.applyAsLong(l))
                .description(description).register(registry);
    }

    void scrape(OutputStream out) throws IOException {
        registry.scrape(out);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
