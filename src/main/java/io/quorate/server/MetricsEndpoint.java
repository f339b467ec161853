package io.quorate.server;

import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every figure in the Prometheus text format. */
final class MetricsEndpoint {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;

    MetricsEndpoint(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    void get(Exchange x) {
        x.send(200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
