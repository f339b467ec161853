package io.quorate.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/authorize}: one transaction, one decision. {@code POST /v1/authorize/batch}:
 * a list of transactions (or {@code {transactions: [...]}}), decisions in the same order, every
 * one against the same policy revision: the batch takes the served policy once, before its first decision.
 */
final class AuthorizeEndpoint {

    private final PolicyStore store;
    private final Decider decider;
    private final RequestBody body;
    private final int maxBatch;
    private final ClientTrust trust;

    AuthorizeEndpoint(PolicyStore store, Decider decider, RequestBody body, int maxBatch, ClientTrust trust) {
        this.store = store;
        this.decider = decider;
        this.body = body;
        this.maxBatch = maxBatch;
        this.trust = trust;
    }

    void single(Exchange x) {
        String text = body.json(x);
        List<Transaction> txs = RequestTransactions.parse(text);
        if (txs.size() != 1 || text.stripLeading().startsWith("[")) {
            throw ApiError.of(400, ErrorCode.INVALID_REQUEST, "`/v1/authorize` takes one transaction object"
                    + (txs.size() == 1 ? "" : ", got " + txs.size()) + ": send lists to `/v1/authorize/batch`").failure();
        }
        txs = trust.apply(text, txs);
        checkDeadline(x, "reading the transaction");
        ServingPolicy serving = serving();
        Decider.Decided d = decider.decide(serving, txs.get(0));
        byte[] answer = answer(g -> write(g, serving, d));
        decider.log("authorize", List.of(d));
        x.send(200, Exchange.JSON, answer);
    }

    void batch(Exchange x) {
        String text = body.json(x);
        List<Transaction> txs = RequestTransactions.parse(text);
        if (txs.size() > maxBatch) {
            throw ApiError.of(413, ErrorCode.BATCH_TOO_LARGE, "the batch holds " + txs.size() + " transactions: the limit is "
                    + maxBatch).failure();
        }
        txs = trust.apply(text, txs);
        checkDeadline(x, "reading the batch");
        ServingPolicy serving = serving();
        List<Decider.Decided> decided = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            if (x.pastDeadline()) {
                throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the batch ran past the request time limit after "
                        + decided.size() + " of " + txs.size() + " decisions: send smaller batches").failure();
            }
            decided.add(decider.decide(serving, tx));
        }
        byte[] answer = answer(g -> {
            g.writeStartObject();
            g.writeStringField("policy_revision", serving.revision());
            g.writeArrayFieldStart("decisions");
            for (Decider.Decided d : decided) write(g, serving, d);
            g.writeEndArray();
            g.writeEndObject();
        });
        checkDeadline(x, "deciding " + decided.size() + " transactions");
        decider.log("authorize/batch", decided);
        x.send(200, Exchange.JSON, answer);
    }

    /** Writing JSON straight to bytes: a batch of thousands of decisions builds no trees. */
    private interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] answer(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, ServingPolicy serving, Decider.Decided d) throws IOException {
        DecisionJson.write(g, d.decision(), serving.prepared().onChainIds(d.decision()), d.id());
    }

    /** A request past its time limit answers 503, whatever it has done so far (nothing is logged). */
    private static void checkDeadline(Exchange x, String doing) {
        if (x.pastDeadline()) {
            throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, doing + " ran past the request time limit: send smaller requests"
                    + " or raise `--request-timeout-ms`").failure();
        }
    }

    private ServingPolicy serving() {
        ServingPolicy serving = store.current();
        if (serving == null) {
            throw ApiError.of(503, ErrorCode.POLICY_NOT_READY, "no policy has compiled yet: see `/v1/policy`").failure();
        }
        return serving;
    }

}
