package io.quorate.transaction;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * One action of a candidate transaction: the account acting, what it does, and (EOS) the
 * permission it declares. {@code flags} is set instead of an action name when an FT4 transaction
 * asks for flags directly ({@code action: {flags: [A]}}). {@code data} is what the action moves
 * (the transaction's {@code data}, or the native transaction's transfer), or null.
 */
public record ActionRequest(String account, String action, List<String> flags, String authorization, SourceLocation at,
        ActionData data) {

    public ActionRequest {
        flags = flags == null ? null : List.copyOf(flags);
    }

    public ActionRequest(String account, String action, List<String> flags, String authorization, SourceLocation at) {
        this(account, action, flags, authorization, at, null);
    }

    /** This action acting for {@code account}, everything else kept. */
    public ActionRequest withAccount(String account) {
        return new ActionRequest(account, action, flags, authorization, at, data);
    }

    public static ActionRequest of(String account, String action) {
        return new ActionRequest(account, action, null, null, null);
    }

    /** How reports name the action. */
    public String actionLabel() {
        return action != null ? action : "flags " + String.join(",", flags);
    }
}
