package io.quorate.server;

import io.quorate.engine.ActionDecision;
import io.quorate.engine.Decision;
import io.quorate.engine.Outcome;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.transaction.ActionRequest;
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
    private final String idPrefix = String.format("%016x-", ThreadLocalRandom.current().nextLong());
    private final AtomicLong sequence = new AtomicLong();

    Decider(ServerMetrics metrics, DecisionLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    Decided decide(ServingPolicy serving, Transaction tx) {
        long start = System.nanoTime();
        Decision d;
        try {
            d = serving.prepared().authorize(tx);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            d = failClosed(tx, serving.revision(), e);
        }
        metrics.decision(d);
        return new Decided(idPrefix + Long.toHexString(sequence.incrementAndGet()), d, tx, System.nanoTime() - start);
    }

    /** Writes the decisions to the log, once they are sure to be answered. */
    void log(String endpoint, List<Decided> decided) {
        if (log == null) return;
        Instant now = Instant.now();
        for (Decided d : decided) log.record(new DecisionLog.Entry(d.id(), now, endpoint, d.input(), d.decision(), d.nanos()));
    }

    static Decision failClosed(Transaction tx, String revision, Throwable e) {
        Reason reason = new Reason(ReasonCode.INTERNAL_ERROR, "the decision failed and is denied: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        List<ActionDecision> actions = tx.actions().stream()
                .map(a -> new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), null, null, 0, 0, List.of(reason)))
                .toList();
        ActionRequest first = tx.actions().isEmpty() ? null : tx.actions().get(0);
        return new Decision(tx.id(), Outcome.DENY, first == null ? null : first.account(), first == null ? null : first.actionLabel(),
                null, null, 0, 0, List.of(), List.of(), List.of(), List.of(reason), revision, actions);
    }
}
