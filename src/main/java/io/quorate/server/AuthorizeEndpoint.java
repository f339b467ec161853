package io.quorate.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.Transaction;
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

    AuthorizeEndpoint(PolicyStore store, Decider decider, RequestBody body, int maxBatch) {
        this.store = store;
        this.decider = decider;
        this.body = body;
        this.maxBatch = maxBatch;
    }

    void single(Exchange x) {
        String text = body.json(x);
        List<Transaction> txs = RequestTransactions.parse(text);
        if (txs.size() != 1 || text.stripLeading().startsWith("[")) {
            throw ApiError.of(400, ErrorCode.INVALID_REQUEST, "`/v1/authorize` takes one transaction object"
                    + (txs.size() == 1 ? "" : ", got " + txs.size()) + ": send lists to `/v1/authorize/batch`").failure();
        }
        Decider.Decided d = decider.decide(serving(), txs.get(0));
        ObjectNode answer = render(d);
        decider.log("authorize", List.of(d));
        x.json(200, answer);
    }

    void batch(Exchange x) {
        List<Transaction> txs = RequestTransactions.parse(body.json(x));
        if (txs.size() > maxBatch) {
            throw ApiError.of(413, ErrorCode.BATCH_TOO_LARGE, "the batch holds " + txs.size() + " transactions: the limit is "
                    + maxBatch).failure();
        }
        ServingPolicy serving = serving();
        List<Decider.Decided> decided = new ArrayList<>(txs.size());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("policy_revision", serving.revision());
        ArrayNode decisions = answer.putArray("decisions");
        for (Transaction tx : txs) {
            if (x.pastDeadline()) {
                throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the batch ran past the request time limit after "
                        + decided.size() + " of " + txs.size() + " decisions: send smaller batches").failure();
            }
            Decider.Decided d = decider.decide(serving, tx);
            decided.add(d);
            decisions.add(render(d));
        }
        decider.log("authorize/batch", decided);
        x.json(200, answer);
    }

    private ServingPolicy serving() {
        ServingPolicy serving = store.current();
        if (serving == null) {
            throw ApiError.of(503, ErrorCode.POLICY_NOT_READY, "no policy has compiled yet: see `/v1/policy`").failure();
        }
        return serving;
    }

    private static ObjectNode render(Decider.Decided d) {
        ObjectNode o = DecisionJson.toJson(d.decision());
        o.put("decision_id", d.id());
        return o;
    }
}
