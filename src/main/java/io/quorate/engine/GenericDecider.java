package io.quorate.engine;

import io.quorate.compile.Check;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.GenericAccount;
import io.quorate.transaction.ActionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generic weighted thresholds: an authority is satisfied inside its validity window when the
 * weights of the keys that signed and of the referenced authorities that are satisfied reach its
 * threshold (every entry counts; no early exit); otherwise its parent may act for it. Cycles,
 * missing references and references deeper than {@code max_depth} add 0. Unused signatures are allowed.
 */
final class GenericDecider implements ChainDecider {

    @Override
    public Verdict decide(Request request) {
        List<ActionRequest> actions = request.tx().actions();
        List<ActionDecision> out = new ArrayList<>();
        actions.forEach(a -> out.add(Verdict.pending(a.account(), a.actionLabel())));
        for (int i = 0; i < actions.size(); i++) {
            ActionDecision d = decideOne(request, actions.get(i));
            out.set(i, d);
            if (d.decision() == Outcome.DENY) return new Verdict(out, d.reasons().get(0));
        }
        return new Verdict(out, null);
    }

    private ActionDecision decideOne(Request request, ActionRequest a) {
        CompiledPolicy policy = request.policy();
        CompiledAccount account = policy.account(a.account());
        if (account == null || !(account.source() instanceof GenericAccount generic)) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a generic account of the policy");
        }
        String authority = a.action() == null ? null : generic.actions().get(a.action());
        if (authority == null && a.action() != null) {
            authority = generic.actions().containsKey("*") ? generic.actions().get("*")
                    : generic.authorities().containsKey(a.action()) ? a.action() : null;
        }
        if (authority == null || account.program(authority) < 0) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_ACTION, "account `" + a.account() + "` has no authority for action `"
                    + a.actionLabel() + "`");
        }
        Instant now = request.tx().context().time() != null ? request.tx().context().time() : Instant.now();
        Evaluator evaluator = new Evaluator(policy, request.signatures(), now, generic.maxDepth());
        Program required = policy.program(account.program(authority));
        long requiredTally = -1;
        for (Program p = required; p != null; p = p.parent() < 0 ? null : policy.program(p.parent())) {
            OwnCheck check = new OwnCheck(p.id(), evaluator);
            boolean ok = request.rules().judge(check);
            if (requiredTally < 0) requiredTally = check.tally;
            if (ok) {
                return new ActionDecision(Outcome.ALLOW, a.account(), a.actionLabel(), required.label(), p.label(), check.tally,
                        p.threshold(), List.of(ChainDecider.reason(ReasonCode.AUTHORIZED, "`" + p.label() + "` is satisfied"
                        + (p == required ? "" : " and acts for `" + required.label() + "`"))));
            }
        }
        if (required.valid() != null && !required.valid().contains(now)) {
            return deny(a, required, requiredTally, required.threshold(), ReasonCode.AUTHORITY_NOT_VALID,
                    "`" + required.label() + "` is valid " + window(required) + ", not at " + now);
        }
        return deny(a, required, requiredTally, required.threshold(), ReasonCode.UNSATISFIED_AUTHORITY,
                "`" + required.label() + "` is not satisfied: weight " + requiredTally + " of threshold " + required.threshold());
    }

    private static String window(Program p) {
        return "from " + (p.valid().from() == null ? "any time" : p.valid().from())
                + " until " + (p.valid().until() == null ? "any time" : p.valid().until());
    }

    private static ActionDecision deny(ActionRequest a, Program required, long weight, long threshold, String code, String msg) {
        return new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), required == null ? null : required.label(), null,
                weight, threshold, List.of(ChainDecider.reason(code, msg)));
    }

    /** An authority judged on its own weights (its parent is tried as a check of its own). */
    private static final class OwnCheck extends Check {
        private final Evaluator evaluator;
        long tally;

        OwnCheck(int target, Evaluator evaluator) {
            super(target);
            this.evaluator = evaluator;
        }

        @Override
        public boolean reaches(long threshold) {
            boolean ok = evaluator.own(evaluator.policy.program(getTarget()), 1);
            tally = evaluator.lastTally;
            return ok;
        }
    }

    static final class Evaluator {
        final CompiledPolicy policy;
        private final Signatures signatures;
        private final Instant now;
        private final int maxDepth;
        private final Set<Integer> inProgress = new HashSet<>();
        long lastTally;

        Evaluator(CompiledPolicy policy, Signatures signatures, Instant now, int maxDepth) {
            this.policy = policy;
            this.signatures = signatures;
            this.now = now;
            this.maxDepth = maxDepth;
        }

        /** Satisfied by its own weights, or through its parent. */
        boolean satisfied(Program p, int depth) {
            for (Program q = p; q != null; q = q.parent() < 0 ? null : policy.program(q.parent())) {
                if (own(q, depth)) return true;
            }
            return false;
        }

        boolean own(Program p, int depth) {
            if (p.valid() != null && !p.valid().contains(now)) {
                lastTally = 0;
                return false;
            }
            if (!inProgress.add(p.id())) {
                lastTally = 0;
                return false;
            }
            try {
                boolean[] saved = signatures.snapshot();
                long total = 0;
                for (int i = 0; i < p.size(); i++) {
                    if (p.kinds()[i] == Program.KEY) {
                        int slot = signatures.slot(p.refs()[i]);
                        if (slot >= 0) {
                            signatures.used[slot] = true;
                            total += p.weights()[i];
                        }
                    } else {
                        int ref = (int) p.refs()[i];
                        if (ref >= 0 && depth < maxDepth && satisfied(policy.program(ref), depth + 1)) {
                            total += p.weights()[i];
                        }
                    }
                }
                lastTally = total;
                if (total >= p.threshold()) return true;
                signatures.restore(saved);
                return false;
            } finally {
                inProgress.remove(p.id());
            }
        }
    }
}
