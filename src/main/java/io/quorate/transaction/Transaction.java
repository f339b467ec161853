package io.quorate.transaction;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * A candidate transaction: its actions, the keys that signed it (key names or public keys, as the
 * user wrote them), EOS permissions already satisfied (approvals), the FT4 descriptor it names,
 * and the chain context. {@code expected} is the outcome an example file records next to the
 * transaction, or null.
 */
public record Transaction(
        String id,
        List<ActionRequest> actions,
        List<String> signatures,
        List<String> approvals,
        String authDescriptor,
        Context context,
        Expectation expected,
        SourceLocation at) {

    public Transaction {
        actions = List.copyOf(actions);
        signatures = List.copyOf(signatures);
        approvals = List.copyOf(approvals);
        context = context == null ? Context.EMPTY : context;
    }

    public static Transaction of(String account, String action, List<String> signatures) {
        return new Transaction(null, List.of(ActionRequest.of(account, action)), signatures, List.of(), null,
                Context.EMPTY, null, null);
    }
}
