package io.quorate.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.conditions.SpentAmounts;
import io.quorate.conditions.SpentUnknownException;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.report.DecisionJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decides each candidate transaction with the policy in the slot and forwards the decision JSON
 * (the object {@code authorize --format json} and {@code /v1/authorize} print, with
 * {@code policy_revision}, and {@code decision_id} the record's origin) under the record's key;
 * a record that cannot be read goes to the dead letters with its error. The policy is taken
 * once per record, so a switch never lands in the middle of a decision. Any fault while deciding
 * is a deny with {@code internal-error}. What a record claims ({@code approvals},
 * {@code approved_by}, {@code context.time}, {@code context.spent}) counts only as far as
 * {@link StreamTrust} says: unless its time is trusted, a record is decided at this processor's
 * clock ({@link ProcessorContext#currentSystemTimeMs()}).
 */
final class DecideProcessor implements Processor<String, byte[], String, String> {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final PolicySlot slot;
    private final StreamMetrics metrics;
    private final StreamTrust trust;
    private ProcessorContext<String, String> context;

    /** Spent amounts when {@code context.spent} is not trusted: none, and the denial says why. */
    private static final SpentAmounts UNTRUSTED_SPENT = (account, asset, period, at) -> {
        throw new SpentUnknownException("the stream keeps no spending and reads a record's `context.spent` only with"
                + " `--trust-context-spent`");
    };

    DecideProcessor(PolicySlot slot, StreamMetrics metrics, StreamTrust trust) {
        this.slot = slot;
        this.metrics = metrics;
        this.trust = trust;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordOrigin origin = RecordOrigin.of(context);
        byte[] value = record.value();
        if (value == null) {
            deadLetter(record, DeadLetter.of(DeadLetter.EMPTY_RECORD, "the record has no value: send one transaction as JSON",
                    origin, record.key(), null));
            return;
        }
        String text = RecordText.utf8(value);
        if (text == null) {
            deadLetter(record, DeadLetter.of(DeadLetter.NOT_UTF8, "the record is not UTF-8 text", origin, record.key(), value));
            return;
        }
        TransactionRecord.Read read = TransactionRecord.read(origin, text);
        if (read.transaction() == null) {
            deadLetter(record, new DeadLetter(read.code(), read.message(), read.problems(), origin, record.key(), value));
            return;
        }
        Transaction tx = read.transaction();
        if (!trust.approvals() && (!tx.approvals().isEmpty() || !tx.approvedBy().isEmpty())) {
            boolean offChain = tx.approvals().isEmpty();
            List<String> claimed = offChain ? tx.approvedBy() : tx.approvals();
            deadLetter(record, DeadLetter.of(DeadLetter.UNTRUSTED_APPROVALS, (offChain ? "approved_by " : "approvals ")
                    + String.join(", ", claimed.stream().map(a -> "`" + a + "`").toList()) + ": this stream does not take approvals on"
                    + " a record's word (start it with `--trust-approvals` if every producer of the topic checks them)", origin,
                    record.key(), value));
            return;
        }
        if (!trust.contextTime()) tx = atProcessorClock(tx, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        PreparedPolicy policy = slot.current();
        if (policy == null) {
            deadLetter(record, DeadLetter.of(DeadLetter.POLICY_NOT_READY,
                    "no policy has compiled yet: the record was not decided", origin, record.key(), value));
            return;
        }
        Decision d;
        try {
            d = trust.contextSpent() ? policy.authorize(tx) : policy.authorize(tx, UNTRUSTED_SPENT);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            d = Decision.failClosed(tx, policy.revision(), e);
        }
        metrics.decision(d);
        context.forward(new Record<>(record.key(), json(d, policy, origin.name()), record.timestamp(), record.headers()),
                DecisionTopology.DECISIONS);
    }

    /** {@code tx} with its {@code context.time} replaced by {@code now}; the chain's context and {@code context.spent} stay as sent. */
    static Transaction atProcessorClock(Transaction tx, Instant now) {
        Context c = tx.context();
        return new Transaction(tx.id(), tx.actions(), tx.signatures(), tx.approvals(), tx.authDescriptor(),
                new Context(now, c.blockHeight(), c.blockTime(), c.opCount(), c.delaySec(), c.spent()), tx.expected(), tx.at(),
                tx.evidence(), tx.approvedBy());
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetter letter) {
        metrics.deadLetter(letter.code());
        context.forward(new Record<>(record.key(), letter.json(), record.timestamp(), record.headers()),
                DecisionTopology.DEAD_LETTERS);
    }

    static String json(Decision d, PreparedPolicy policy, String decisionId) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DecisionJson.write(g, d, policy.onChainIds(d), decisionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
