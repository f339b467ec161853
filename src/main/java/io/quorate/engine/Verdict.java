package io.quorate.engine;

import java.util.List;

/**
 * What a chain decider found: one result per action, the reason the transaction is denied (the
 * first check that failed, in the chain's own order; null when allowed) and the action it concerns.
 */
public record Verdict(List<ActionResult> actions, Reason denial, int focus) {

    public static Verdict allow(List<ActionResult> actions) {
        return new Verdict(actions, null, 0);
    }

    /** Denied because of action {@code focus}. */
    public static Verdict deny(List<ActionResult> actions, int focus) {
        return new Verdict(actions, actions.get(focus).failure, focus);
    }

    /** Denied as a whole (unused signatures, mixed roles): every action shares the reason, the first is reported. */
    public static Verdict denyAll(List<ActionResult> actions, Reason reason) {
        actions.forEach(a -> a.satisfied = false);
        return new Verdict(actions, reason, 0);
    }

    /** The first failed action, or an allow. */
    public static Verdict firstFailure(List<ActionResult> actions) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).failure != null) return deny(actions, i);
        }
        return allow(actions);
    }

    List<ActionDecision> decisions() {
        ActionDecision[] out = new ActionDecision[actions.size()];
        for (int i = 0; i < out.length; i++) out[i] = actions.get(i).toDecision(denial);
        return List.of(out);
    }
}
