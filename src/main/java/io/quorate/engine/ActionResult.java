package io.quorate.engine;

import io.quorate.transaction.ActionRequest;
import java.util.List;

/** What a decider has established about one action so far; becomes an {@link ActionDecision} at the end. */
public final class ActionResult {

    public final ActionRequest request;
    public String required;
    public String satisfiedBy;
    public long weight;
    public long threshold;
    /** Why this action fails, or null. */
    public Reason failure;
    public boolean satisfied;

    public ActionResult(ActionRequest request) {
        this.request = request;
    }

    public void fail(String code, String message) {
        failure = new Reason(code, message);
        satisfied = false;
    }

    public void satisfy(String by) {
        satisfied = true;
        satisfiedBy = by;
    }

    /** The reasons of allowed actions, made once per authority (bounded, as policies are reloaded). */
    private static final java.util.Map<String, List<Reason>> AUTHORIZED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_AUTHORIZED = 100_000;

    private static List<Reason> authorized(String by) {
        List<Reason> reasons = AUTHORIZED.get(by);
        if (reasons == null) {
            reasons = List.of(new Reason(ReasonCode.AUTHORIZED, "`" + by + "` is satisfied"));
            if (AUTHORIZED.size() < MAX_AUTHORIZED) AUTHORIZED.put(by, reasons);
        }
        return reasons;
    }

    /** An allowed transaction allows every action; a denied one denies each action not itself satisfied. */
    ActionDecision toDecision(Reason denial) {
        boolean allowed = denial == null || (satisfied && failure == null);
        if (allowed) {
            return new ActionDecision(Outcome.ALLOW, request.account(), request.actionLabel(), required, satisfiedBy,
                    weight, threshold, authorized(String.valueOf(satisfiedBy)));
        }
        return new ActionDecision(Outcome.DENY, request.account(), request.actionLabel(), required,
                failure != null ? null : satisfiedBy, weight, threshold, List.of(failure != null ? failure : denial));
    }
}
