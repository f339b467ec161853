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
 * until the signatures are verified and replaced by the keys that made them. {@code approvedBy}
 * lists approvals given off chain (key names or public keys), which count for an organisation's
 * conditions but are not part of the chain's signature set.
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
        Evidence evidence,
        List<String> approvedBy) {

    public Transaction {
        actions = List.copyOf(actions);
        signatures = List.copyOf(signatures);
        approvals = List.copyOf(approvals);
        context = context == null ? Context.EMPTY : context;
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }

    public Transaction(String id, List<ActionRequest> actions, List<String> signatures, List<String> approvals,
            String authDescriptor, Context context, Expectation expected, SourceLocation at, Evidence evidence) {
        this(id, actions, signatures, approvals, authDescriptor, context, expected, at, evidence, List.of());
    }

    /** A transaction that lists the keys that signed it. */
    public Transaction(String id, List<ActionRequest> actions, List<String> signatures, List<String> approvals,
            String authDescriptor, Context context, Expectation expected, SourceLocation at) {
        this(id, actions, signatures, approvals, authDescriptor, context, expected, at, null);
    }

    /** This transaction with each action's account renamed by {@code rename} (on-chain ids to policy names). */
    public Transaction withAccounts(UnaryOperator<String> rename) {
        List<ActionRequest> renamed = actions.stream()
                .map(a -> a.withAccount(rename.apply(a.account())))
                .toList();
        return renamed.equals(actions) ? this
                : new Transaction(id, renamed, signatures, approvals, authDescriptor, context, expected, at, evidence, approvedBy);
    }

    /** This transaction authenticating with the descriptor {@code name} (an on-chain id resolved to its name). */
    public Transaction withAuthDescriptor(String name) {
        return java.util.Objects.equals(name, authDescriptor) ? this
                : new Transaction(id, actions, signatures, approvals, name, context, expected, at, evidence, approvedBy);
    }

    /** This transaction with its verified signatures replaced by the keys that made them, in order. */
    public Transaction withSigningKeys(List<String> keys) {
        return new Transaction(id, actions, keys, approvals, authDescriptor, context, expected, at, null, approvedBy);
    }

    /** This transaction signed by {@code keys} instead (what a search for missing keys tries), nothing expected. */
    public Transaction withSignatures(List<String> keys) {
        return new Transaction(id, actions, keys, approvals, authDescriptor, context, null, at, evidence, approvedBy);
    }

    public static Transaction of(String account, String action, List<String> signatures) {
        return new Transaction(null, List.of(ActionRequest.of(account, action)), signatures, List.of(), null,
                Context.EMPTY, null, null);
    }
}
