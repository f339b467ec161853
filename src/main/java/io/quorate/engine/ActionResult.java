package io.quorate.engine;

import io.quorate.transaction.ActionRequest;
import java.util.List;

/** What a decider has established about one action so far; becomes an {@link ActionDecision} at the end. */
final class ActionResult {

    final ActionRequest request;
    String required;
    String satisfiedBy;
    long weight;
    long threshold;
    /** Why this action fails, or null. */
    Reason failure;
    boolean satisfied;

    ActionResult(ActionRequest request) {
        this.request = request;
    }

    void fail(String code, String message) {
        failure = new Reason(code, message);
        satisfied = false;
    }

    void satisfy(String by) {
        satisfied = true;
        satisfiedBy = by;
    }

    /** An allowed transaction allows every action; a denied one denies each action not itself satisfied. */
    ActionDecision toDecision(Reason denial) {
        boolean allowed = denial == null || (satisfied && failure == null);
        if (allowed) {
            return new ActionDecision(Outcome.ALLOW, request.account(), request.actionLabel(), required, satisfiedBy,
                    weight, threshold, List.of(new Reason(ReasonCode.AUTHORIZED, "`" + satisfiedBy + "` is satisfied")));
        }
        return new ActionDecision(Outcome.DENY, request.account(), request.actionLabel(), required,
                failure != null ? null : satisfiedBy, weight, threshold, List.of(failure != null ? failure : denial));
    }
}
