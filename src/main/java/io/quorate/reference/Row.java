package io.quorate.reference;

import io.quorate.engine.ActionDecision;
import io.quorate.engine.Outcome;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.transaction.ActionRequest;
import java.util.List;

/** What is known about one action while a chain checks it; turned into an {@link ActionDecision} at the end. */
public final class Row {
    public final ActionRequest request;
    public String required;
    public String satisfiedBy;
    public long weight;
    public long threshold;
    /** Null while the action's requirement has not been confirmed or refuted. */
    public Reason denied;
    public boolean confirmed;

    public Row(ActionRequest request) {
        this.request = request;
    }

    public void deny(String code, String message) {
        denied = new Reason(code, message);
        confirmed = false;
    }

    public ActionDecision toDecision(Reason transactionDeny) {
        if (transactionDeny == null) {
            return new ActionDecision(Outcome.ALLOW, request.account(), request.actionLabel(), required, satisfiedBy,
                    weight, threshold, List.of(new Reason(ReasonCode.AUTHORIZED, "authorized")));
        }
        if (confirmed && denied == null) {
            return new ActionDecision(Outcome.ALLOW, request.account(), request.actionLabel(), required, satisfiedBy,
                    weight, threshold, List.of(new Reason(ReasonCode.AUTHORIZED, "authorized")));
        }
        Reason reason = denied != null ? denied : transactionDeny;
        return new ActionDecision(Outcome.DENY, request.account(), request.actionLabel(), required,
                denied != null ? null : satisfiedBy, weight, threshold, List.of(reason));
    }
}
