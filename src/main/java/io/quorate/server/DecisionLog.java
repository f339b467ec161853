package io.quorate.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per decision, written by a background thread from a bounded queue, so a request
 * only pays for an enqueue. When the queue is full the request waits for room (counted as an
 * overflow) rather than losing the entry; only a writer stuck longer than the wait limit (a full
 * disk, say) makes an entry drop, and drops are counted, logged, and written into the log itself
 * as a {@code {"type":"dropped"}} line once it moves again. Closing drains the queue and flushes.
 */
final class DecisionLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    private static final int BATCH = 1_024;

    /** What is logged about one decision; rendered on the writer thread. */
    record Entry(String decisionId, Instant time, String endpoint, Transaction input, Decision decision, long latencyNanos) {
    }

    private final BlockingQueue<Entry> queue;
    private final int capacity;
    private final long maxWaitNanos;
    private final LogMask mask;
    private final OutputStream out;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedUnreported = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    private volatile boolean closing;
    /** Why the last write or flush failed, until a flush succeeds again; null while the log writes. */
    private volatile String failure;

    /** {@code target} is "-" for standard output, else a file appended to. */
    static DecisionLog open(String target, int capacity, Duration maxWait, LogMask mask) throws IOException {
        OutputStream out = target.equals("-")
                ? new FilterOutputStream(System.out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }
                : new FileOutputStream(Path.of(target).toFile(), true);
        return new DecisionLog(new BufferedOutputStream(out, 1 << 16), capacity, maxWait, mask);
    }

    DecisionLog(OutputStream out, int capacity, Duration maxWait, LogMask mask) {
        this.out = out;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxWaitNanos = maxWait.toNanos();
        this.mask = mask;
        this.writer = new Thread(this::drain, "quorate-decision-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues one entry; waits for room when the queue is full. */
    void record(Entry entry) {
        if (closing) {
            drop(1);
            return;
        }
        if (queue.offer(entry)) return;
        overflows.incrementAndGet();
        try {
            if (queue.offer(entry, maxWaitNanos, TimeUnit.NANOSECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop(1);
    }

    private void drop(long n) {
        long total = dropped.addAndGet(n);
        droppedUnreported.addAndGet(n);
        if (Long.bitCount(total) == 1) LOG.warn("decision log: {} entries dropped so far: the writer cannot keep up", total);
    }

    long queued() {
        return queue.size();
    }

    long capacity() {
        return capacity;
    }

    long written() {
        return written.get();
    }

    long overflows() {
        return overflows.get();
    }

    long dropped() {
        return dropped.get();
    }

    long writeErrors() {
        return writeErrors.get();
    }

    /** Why the log is not being written (a full disk, an unwritable file), or null while it is. */
    String failure() {
        return failure;
    }

    private void failed(String what, Exception ex) {
        String message = what + " failed: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        if (writeErrors.incrementAndGet() == 1 || failure == null) LOG.warn("decision log: {}", message);
        failure = message;
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(BATCH);
        boolean dirty = false;
        while (true) {
            try {
                Entry first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (dirty) dirty = !flush();
                    if (closing && queue.isEmpty()) break;
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (Entry e : batch) write(e);
                batch.clear();
                dirty = true;
                if (queue.isEmpty()) dirty = !flush();
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty()) break;
            }
        }
        flush();
    }

    private void write(Entry e) {
        try {
            long lost = droppedUnreported.getAndSet(0);
            if (lost > 0) {
                try (JsonGenerator g = generator()) {
                    g.writeStartObject();
                    g.writeStringField("type", "dropped");
                    g.writeNumberField("count", lost);
                    g.writeStringField("time", Instant.now().toString());
                    g.writeEndObject();
                }
                out.write('\n');
            }
            try (JsonGenerator g = generator()) {
                write(e, g);
            }
            out.write('\n');
            written.incrementAndGet();
        } catch (IOException | RuntimeException ex) {
            failed("write", ex);
        }
    }

    private JsonGenerator generator() throws IOException {
        JsonGenerator g = Json.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return g;
    }

    private boolean flush() {
        try {
            out.flush();
            if (failure != null) LOG.warn("decision log: writing again after: {}", failure);
            failure = null;
            return true;
        } catch (IOException ex) {
            failed("flush", ex);
            return false;
        }
    }

    /** One entry, streamed: no tree is built, and a masked field is written as {@code "<masked>"}. */
    private void write(Entry e, JsonGenerator g) throws IOException {
        Decision d = e.decision();
        Transaction tx = e.input();
        g.writeStartObject();
        string(g, "decision_id", "decision_id", e.decisionId());
        string(g, "time", "time", e.time().toString());
        string(g, "revision", "revision", d.policyRevision());
        string(g, "endpoint", "endpoint", e.endpoint());
        g.writeFieldName("input");
        if (mask.hides("input")) {
            g.writeString(LogMask.MASKED);
        } else {
            g.writeStartObject();
            if (tx.id() != null) string(g, "input.id", "id", tx.id());
            g.writeFieldName("actions");
            if (mask.hides("input.actions")) {
                g.writeString(LogMask.MASKED);
            } else {
                g.writeStartArray();
                for (ActionRequest a : tx.actions()) {
                    g.writeStartObject();
                    string(g, "input.actions.account", "account", a.account());
                    string(g, "input.actions.action", "action", a.actionLabel());
                    if (a.authorization() != null) string(g, "input.actions.authorization", "authorization", a.authorization());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            strings(g, "input.signatures", "signatures", tx.signatures());
            if (!tx.approvals().isEmpty()) strings(g, "input.approvals", "approvals", tx.approvals());
            if (tx.authDescriptor() != null) string(g, "input.auth_descriptor", "auth_descriptor", tx.authDescriptor());
            g.writeEndObject();
        }
        string(g, "decision", "decision", d.decision().label());
        string(g, "required", "required", d.required());
        g.writeFieldName("reasons");
        if (mask.hides("reasons")) {
            g.writeString(LogMask.MASKED);
        } else {
            g.writeStartArray();
            for (Reason r : d.reasons()) {
                g.writeStartObject();
                string(g, "reasons.code", "code", r.code());
                string(g, "reasons.message", "message", r.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeNumberField("latency_ms", e.latencyNanos() / 1e6);
        g.writeEndObject();
    }

    private void string(JsonGenerator g, String path, String field, String value) throws IOException {
        g.writeFieldName(field);
        if (mask.hides(path)) {
            g.writeString(LogMask.MASKED);
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private void strings(JsonGenerator g, String path, String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        if (mask.hides(path)) {
            g.writeString(LogMask.MASKED);
            return;
        }
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** Stops taking entries, writes every queued one, flushes and closes the output. */
    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("decision log: close failed: {}", e.toString());
        }
    }
}
