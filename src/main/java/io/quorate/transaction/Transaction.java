package io.quorate.transaction;

import io.quorate.diag.SourceLocation;
import io.quorate.signatures.Evidence;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A candidate transaction: its actions, the keys that signed it (key names or public keys, as the
 * user wrote them), EOS permissions already satisfied (approvals), the FT4 descriptor it names,
 * and the chain context. {@code expected} is the outcome an example file records next to the
 * transaction, or null. {@code evidence} is set when the transaction carries real signatures (a
 * digest and the signatures over it) instead of a list of keys; {@code signatures} is then empty
 * until the signatures are verified and replaced by the keys that made them.
 */
public record Transaction(
        String id,
        List<ActionRequest> actions,
        List<String> signatures,
        List<String> approvals,
        String authDescriptor,
        Context context,
        Expectation expected,
        SourceLocation at,
        Evidence evidence) {

    public Transaction {
        actions = List.copyOf(actions);
        signatures = List.copyOf(signatures);
        approvals = List.copyOf(approvals);
        context = context == null ? Context.EMPTY : context;
    }

    /** A transaction that lists the keys that signed it. */
    public Transaction(String id, List<ActionRequest> actions, List<String> signatures, List<String> approvals,
            String authDescriptor, Context context, Expectation expected, SourceLocation at) {
        this(id, actions, signatures, approvals, authDescriptor, context, expected, at, null);
    }

    /** This transaction with each action's account renamed by {@code rename} (on-chain ids to policy names). */
    public Transaction withAccounts(UnaryOperator<String> rename) {
        List<ActionRequest> renamed = actions.stream()
                .map(a -> new ActionRequest(rename.apply(a.account()), a.action(), a.flags(), a.authorization(), a.at()))
                .toList();
        return renamed.equals(actions) ? this
                : new Transaction(id, renamed, signatures, approvals, authDescriptor, context, expected, at, evidence);
    }

    /** This transaction authenticating with the descriptor {@code name} (an on-chain id resolved to its name). */
    public Transaction withAuthDescriptor(String name) {
        return java.util.Objects.equals(name, authDescriptor) ? this
                : new Transaction(id, actions, signatures, approvals, name, context, expected, at, evidence);
    }

    /** This transaction with its verified signatures replaced by the keys that made them, in order. */
    public Transaction withSigningKeys(List<String> keys) {
        return new Transaction(id, actions, keys, approvals, authDescriptor, context, expected, at, null);
    }

    public static Transaction of(String account, String action, List<String> signatures) {
        return new Transaction(null, List.of(ActionRequest.of(account, action)), signatures, List.of(), null,
                Context.EMPTY, null, null);
    }
}
