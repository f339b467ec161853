package io.quorate.server;

import io.quorate.conditions.SpentAmounts;
import io.quorate.engine.Decision;
import io.quorate.transaction.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes one decision for the API: fails closed (any fault is a deny with {@code internal-error}),
 * gives it an id, counts it, and hands it to the decision log.
 */
final class Decider {

    /** A decision and the id the log and the answer give it. */
    record Decided(String id, Decision decision, Transaction input, long nanos) {
    }

    private final ServerMetrics metrics;
    private final DecisionLog log;
    private final ServedSpending spending;
    private final String idPrefix = String.format("%016x-", ThreadLocalRandom.current().nextLong());
    private final AtomicLong sequence = new AtomicLong();

    Decider(ServerMetrics metrics, DecisionLog log, ServedSpending spending) {
        this.metrics = metrics;
        this.log = log;
        this.spending = spending;
    }

    /** Decides {@code tx}, the amounts {@code spent} conditions need read from where the service keeps them. */
    Decided decide(ServingPolicy serving, Transaction tx) {
        long start = System.nanoTime();
        return counted(decision(serving, tx, spending.forDecision(tx)), tx, start);
    }

    /** The decision alone, with {@code spent} answering {@code spent} conditions: not counted, not logged. Fails closed. */
    static Decision decision(ServingPolicy serving, Transaction tx, SpentAmounts spent) {
        try {
            return serving.prepared().authorize(tx, spent);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            return Decision.failClosed(tx, serving.revision(), e);
        }
    }

    /** A decision made (since {@code start}, {@link System#nanoTime()}), counted and given its id. */
    Decided counted(Decision d, Transaction tx, long start) {
        metrics.decision(d);
        return new Decided(idPrefix + Long.toHexString(sequence.incrementAndGet()), d, tx, System.nanoTime() - start);
    }

    /** Writes the decisions to the log, once they are sure to be answered. */
    void log(String endpoint, List<Decided> decided) {
        if (log == null) return;
        Instant now = Instant.now();
        for (Decided d : decided) log.record(new DecisionLog.Entry(d.id(), now, endpoint, d.input(), d.decision(), d.nanos()));
    }
}
