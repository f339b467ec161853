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
    private final SpendRecorder recorder;

    AuthorizeEndpoint(PolicyStore store, Decider decider, RequestBody body, int maxBatch, ClientTrust trust, SpendRecorder recorder) {
        this.recorder = recorder;
        this.store = store;
        this.decider = decider;
        this.body = body;
        this.maxBatch = maxBatch;
        this.trust = trust;
    }

    void single(Exchange x) {
        String text = body.json(x);
        Envelope envelope = Envelope.read(text);
        if (envelope != null) text = envelope.transaction();
        List<Transaction> txs = RequestTransactions.parse(text);
        if (txs.size() != 1 || text.stripLeading().startsWith("[")) {
            throw ApiError.of(400, ErrorCode.INVALID_REQUEST, "`/v1/authorize` takes one transaction object"
                    + (txs.size() == 1 ? "" : ", got " + txs.size()) + ": send lists to `/v1/authorize/batch`").failure();
        }
        txs = trust.apply(text, txs);
        checkDeadline(x, "reading the transaction");
        ServingPolicy serving = serving();
        if (envelope != null && envelope.record()) {
            recordAndAnswer(x, serving, txs.get(0), envelope.transactionId());
            return;
        }
        Decider.Decided d = decider.decide(serving, txs.get(0));
        byte[] answer = answer(g -> {
            if (envelope == null) {
                write(g, serving, d);
            } else {
                writeWith(g, serving, d, envelope.transactionId(), null);
            }
        });
        decider.log("authorize", List.of(d));
        x.send(200, Exchange.JSON, answer);
    }

    /** {@code record: true}: decides holding the account and records the spends of an allowed decision. */
    private void recordAndAnswer(Exchange x, ServingPolicy serving, Transaction tx, String transactionId) {
        long start = System.nanoTime();
        SpendRecorder.Outcome outcome = recorder.decideAndRecord(serving, tx, transactionId);
        Decider.Decided d = decider.counted(outcome.decision(), tx, start);
        byte[] answer = answer(g -> writeWith(g, serving, d, transactionId, outcome.recorded()));
        decider.log("authorize", List.of(d));
        x.send(200, Exchange.JSON, answer);
    }

    /**
     * The decision object with {@code transaction_id} and, when spends were asked to be recorded,
     * {@code recorded}: each spend the decision recorded (none when it denies), {@code new} false
     * for one a previous request with the same id had recorded.
     */
    private static void writeWith(JsonGenerator g, ServingPolicy serving, Decider.Decided d, String transactionId,
            List<SpendRecorder.Recorded> recorded) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream(512);
        try (JsonGenerator ig = Json.FACTORY.createGenerator(inner)) {
            write(ig, serving, d);
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(inner.toByteArray());
        if (transactionId != null) o.put("transaction_id", transactionId);
        if (recorded != null) {
            com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("recorded");
            for (SpendRecorder.Recorded r : recorded) {
                list.addObject().put("id", r.spend().id()).put("account", r.spend().account()).put("amount", r.amount())
                        .put("time", r.spend().time().toString()).put("new", r.created());
            }
        }
        Json.MAPPER.writeTree(g, o);
    }

    /**
     * The fields {@code /v1/authorize} takes beside the transaction: {@code record} (record the
     * spends of an allowed decision) and {@code transaction_id} (the client's id of the
     * transaction, which {@code record} requires). {@code transaction} is the body without them.
     */
    record Envelope(boolean record, String transactionId, String transaction) {

        private static final com.fasterxml.jackson.databind.ObjectReader STRICT = Json.MAPPER.reader()
                .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

        /** The envelope of {@code body}, or null when it has neither field (or is not a JSON object: the loader says why). */
        static Envelope read(String body) {
            if (!body.contains("\"record\"") && !body.contains("\"transaction_id\"")) return null;
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                // a repeated field is left to the transaction loader, which names it
                node = STRICT.readTree(body);
            } catch (IOException e) {
                return null;
            }
            if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || !o.has("record") && !o.has("transaction_id")) {
                return null;
            }
            Envelope e = fields(o, null);
            try {
                return new Envelope(e.record(), e.transactionId(), Json.MAPPER.writeValueAsString(o));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        /** Takes {@code record} and {@code transaction_id} out of {@code o} and checks them; {@code transaction} is {@code rest}. */
        static Envelope fields(com.fasterxml.jackson.databind.node.ObjectNode o, String rest) {
            com.fasterxml.jackson.databind.JsonNode record = o.remove("record");
            com.fasterxml.jackson.databind.JsonNode id = o.remove("transaction_id");
            if (record != null && !record.isBoolean()) throw invalid("/record", "`record` is `true` or `false`");
            if (id != null && !id.isTextual()) throw invalid("/transaction_id", "`transaction_id` is a string");
            String transactionId = id == null ? null : id.asText();
            String problem = transactionId == null ? null : SpendRecorder.problem(transactionId);
            if (problem != null) throw invalid("/transaction_id", problem);
            boolean recording = record != null && record.booleanValue();
            if (recording && transactionId == null) {
                String message = "`record: true` needs `transaction_id`: the client's id of this transaction, under which its spends"
                        + " are recorded once however often it is retried";
                com.fasterxml.jackson.databind.node.ObjectNode e = Json.MAPPER.createObjectNode()
                        .put("code", ErrorCode.TRANSACTION_ID_REQUIRED).put("message", message).put("field", "/transaction_id")
                        .put("help", "add `\"transaction_id\": \"...\"`, unique per account, and send the same id when retrying");
                throw new ApiError(400, ErrorCode.TRANSACTION_ID_REQUIRED, message, List.of(e)).failure();
            }
            return new Envelope(recording, transactionId, rest);
        }

        private static ApiError.Failure invalid(String field, String message) {
            com.fasterxml.jackson.databind.node.ObjectNode e = Json.MAPPER.createObjectNode()
                    .put("code", ErrorCode.INVALID_REQUEST).put("message", message).put("field", field);
            return new ApiError(400, ErrorCode.INVALID_REQUEST, message, List.of(e)).failure();
        }
    }

    /**
     * The per-transaction {@code record} and {@code transaction_id} of a batch, as {@code /v1/authorize}
     * takes them, taken out of each transaction; {@code transactions} is the body without them and
     * {@code pointer} the JSON pointer of the list ({@code ""} or {@code "/transactions"}).
     */
    record BatchEnvelopes(List<Envelope> items, String transactions, String pointer) {

        /** The envelopes of {@code body}, or null when no transaction has either field (or the body is not JSON: the loader says why). */
        static BatchEnvelopes read(String body) {
            if (!body.contains("\"record\"") && !body.contains("\"transaction_id\"")) return null;
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = Envelope.STRICT.readTree(body);
            } catch (IOException e) {
                return null;
            }
            String pointer = "";
            com.fasterxml.jackson.databind.JsonNode list = node;
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.get("transactions") != null) {
                list = o.get("transactions");
                pointer = "/transactions";
            }
            if (!(list instanceof com.fasterxml.jackson.databind.node.ArrayNode array)) return null;
            List<Envelope> items = new ArrayList<>(array.size());
            boolean any = false;
            java.util.Map<String, Integer> ids = new java.util.HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                com.fasterxml.jackson.databind.JsonNode item = array.get(i);
                if (!(item instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || !o.has("record") && !o.has("transaction_id")) {
                    items.add(null);
                    continue;
                }
                any = true;
                String at = pointer + "/" + i;
                Envelope e;
                try {
                    e = Envelope.fields(o, "");
                } catch (ApiError.Failure f) {
                    throw atItem(f, i, at);
                }
                if (e.transactionId() != null) {
                    Integer first = ids.putIfAbsent(e.transactionId(), i);
                    if (first != null) {
                        throw Envelope.invalid(at + "/transaction_id", "transaction " + i + ": `transaction_id` `" + e.transactionId()
                                + "` is also transaction " + first + "'s: each transaction of a batch has its own id");
                    }
                }
                items.add(e);
            }
            if (!any) return null;
            try {
                return new BatchEnvelopes(items, Json.MAPPER.writeValueAsString(node), pointer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Envelope at(int i) {
            return i < items.size() ? items.get(i) : null;
        }
    }

    /** {@code f}, said of transaction {@code i} of a batch: its message names it, its errors' fields point into it. */
    static ApiError.Failure atItem(ApiError.Failure f, int i, String pointer) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> errors = new ArrayList<>();
        for (com.fasterxml.jackson.databind.node.ObjectNode e : f.error.errors()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = e.deepCopy();
            copy.put("field", pointer + (e.hasNonNull("field") ? e.get("field").asText() : ""));
            errors.add(copy);
        }
        if (errors.isEmpty()) {
            errors.add(Json.MAPPER.createObjectNode().put("code", f.error.code()).put("message", f.error.message()).put("field", pointer));
        }
        return new ApiError(f.error.status(), f.error.code(), "transaction " + i + ": " + f.error.message(), errors, f.error.omitted())
                .failure();
    }

    /**
     * Decides every transaction in order against one revision. A transaction with {@code record: true}
     * is decided and recorded as {@code /v1/authorize} does it, holding its account, before the next
     * one is decided: so the transactions of a batch that spend from one account see each other's
     * spends in batch order, exactly as the same requests sent one after the other.
     */
    void batch(Exchange x) {
        String text = body.json(x);
        BatchEnvelopes envelopes = BatchEnvelopes.read(text);
        if (envelopes != null) text = envelopes.transactions();
        List<Transaction> txs = RequestTransactions.parse(text);
        if (txs.size() > maxBatch) {
            throw ApiError.of(413, ErrorCode.BATCH_TOO_LARGE, "the batch holds " + txs.size() + " transactions: the limit is "
                    + maxBatch).failure();
        }
        txs = trust.apply(text, txs);
        checkDeadline(x, "reading the batch");
        ServingPolicy serving = serving();
        // every recording is checked (spending kept, one account, amounts that are spends) before anything is recorded
        List<SpendRecorder.Planned> plans = new ArrayList<>(java.util.Collections.nCopies(txs.size(), null));
        if (envelopes != null) {
            for (int i = 0; i < txs.size(); i++) {
                Envelope e = envelopes.at(i);
                if (e == null || !e.record()) continue;
                try {
                    plans.set(i, recorder.plan(serving, txs.get(i), e.transactionId()));
                } catch (ApiError.Failure f) {
                    throw atItem(f, i, envelopes.pointer() + "/" + i);
                }
            }
        }
        List<Decider.Decided> decided = new ArrayList<>(txs.size());
        List<List<SpendRecorder.Recorded>> recorded = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            if (x.pastDeadline()) {
                throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the batch ran past the request time limit after "
                        + decided.size() + " of " + txs.size() + " decisions: send smaller batches"
                        + (decided.isEmpty() || plans.stream().noneMatch(java.util.Objects::nonNull) ? ""
                                : " (the spends recorded so far stay recorded: sending the batch again records none twice)")).failure();
            }
            SpendRecorder.Planned plan = plans.get(i);
            if (plan == null) {
                decided.add(decider.decide(serving, tx));
                recorded.add(null);
                continue;
            }
            long start = System.nanoTime();
            SpendRecorder.Outcome outcome;
            try {
                outcome = recorder.decideAndRecord(serving, plan);
            } catch (ApiError.Failure f) {
                throw atItem(f, i, envelopes.pointer() + "/" + i);
            }
            decided.add(decider.counted(outcome.decision(), tx, start));
            recorded.add(outcome.recorded());
        }
        BatchEnvelopes items = envelopes;
        byte[] answer = answer(g -> {
            g.writeStartObject();
            g.writeStringField("policy_revision", serving.revision());
            g.writeArrayFieldStart("decisions");
            for (int i = 0; i < decided.size(); i++) {
                Envelope e = items == null ? null : items.at(i);
                if (e == null) {
                    write(g, serving, decided.get(i));
                } else {
                    writeWith(g, serving, decided.get(i), e.transactionId(), recorded.get(i));
                }
            }
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
