package io.quorate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a decision may take from the client's word. Without {@code --trust-approvals}, a
 * transaction that claims EOS permissions as already satisfied ({@code approvals}) is refused
 * with 422 {@code untrusted-approvals}: deciding on it would let any client authorize itself.
 * Without {@code --trust-context-time}, every decision is made at the server's clock and a
 * client's {@code context.time} is replaced, so a past time cannot revive an expired authority,
 * and its {@code context.spent} is dropped: a client cannot say how little it spent, so spending
 * limits hold only on amounts the service knows (until then they deny with {@code missing-data}).
 * Approvals given off chain ({@code approved_by}) are the client's word as much as {@code approvals}.
 */
final class ClientTrust {

    private final ServerOptions.Trust trust;
    private final Clock clock;

    ClientTrust(ServerOptions.Trust trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    /** The transactions to decide, as this server trusts them; throws the API error for refused approvals. */
    List<Transaction> apply(String body, List<Transaction> txs) {
        if (!trust.approvals()) refuseApprovals(body, txs);
        if (trust.contextTime()) return txs;
        java.time.Instant now = clock.instant();
        List<Transaction> out = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            Context c = tx.context();
            out.add(new Transaction(tx.id(), tx.actions(), tx.signatures(), tx.approvals(), tx.authDescriptor(),
                    new Context(now, c.blockHeight(), c.blockTime(), c.opCount(), c.delaySec()), tx.expected(), tx.at(), tx.evidence(),
                    tx.approvedBy()));
        }
        return out;
    }

    private static void refuseApprovals(String body, List<Transaction> txs) {
        List<Transaction> claiming = txs.stream().filter(tx -> !tx.approvals().isEmpty() || !tx.approvedBy().isEmpty()).toList();
        if (claiming.isEmpty()) return;
        List<Transaction> shown = claiming.subList(0, Math.min(claiming.size(), ApiError.MAX_ERRORS));
        Set<Long> positions = new HashSet<>();
        for (Transaction tx : shown) if (tx.at() != null) positions.add(FieldPointer.position(tx.at().line(), tx.at().column()));
        Map<Long, String> objects = FieldPointer.all(body, positions);
        List<ObjectNode> errors = new ArrayList<>();
        for (Transaction tx : shown) {
            String object = tx.at() == null ? null : objects.get(FieldPointer.position(tx.at().line(), tx.at().column()));
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("code", ErrorCode.UNTRUSTED_APPROVALS);
            boolean offChain = tx.approvals().isEmpty();
            List<String> claimed = offChain ? tx.approvedBy() : tx.approvals();
            o.put("message", (offChain ? "approved_by " : "approvals ") + String.join(", ", claimed.stream().map(a -> "`" + a + "`").toList())
                    + ": this server does not take approvals on the client's word");
            o.put("field", (object == null ? "" : object) + (offChain ? "/approved_by" : "/approvals"));
            o.put("help", "send the signatures of those permissions' keys instead, or start the server with `--trust-approvals`"
                    + " if its clients check approvals themselves");
            errors.add(o);
        }
        throw new ApiError(422, ErrorCode.UNTRUSTED_APPROVALS, claiming.size() + (claiming.size() == 1 ? " transaction claims" : " transactions claim")
                + " approvals, which this server does not trust", errors, claiming.size() - shown.size()).failure();
    }
}
