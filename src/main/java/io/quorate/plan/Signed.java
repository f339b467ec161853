package io.quorate.plan;

import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;

import java.util.List;
import java.util.Map;

/** A step's signatures put to the engine, and the engine's deny turned into the chain's error name. */
public final class Signed {

    private Signed() {
    }

    /** A transaction of one action carrying the step's signatures and context. */
    public static Transaction transaction(Step step, String action, List<String> flags, String authorization, String descriptor) {
        ActionRequest a = new ActionRequest(step.account(), flags == null ? action : null, flags, authorization, step.at());
        return new Transaction("step " + step.label(), List.of(a), step.signatures(), List.of(), descriptor, step.context(), null, step.at());
    }

    /**
     * Null when the decision allows; else the chain's error: {@code names} maps the engine's reason
     * code to the chain's name, and a reason it does not list keeps Quorate's code (an unknown key,
     * no signatures), which the chain would refuse before looking at the account at all.
     */
    public static ChainError error(Decision d, Map<String, String> names) {
        if (d.allowed()) return null;
        Reason r = d.reasons().isEmpty() ? null : d.reasons().get(0);
        String code = r == null ? "internal-error" : r.code();
        return new ChainError(names.getOrDefault(code, code), r == null ? "denied" : r.message());
    }
}
