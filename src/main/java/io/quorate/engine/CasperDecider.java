package io.quorate.engine;

import io.quorate.compile.Check;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.Program;
import io.quorate.policy.CasperAccount;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Casper: the signer set is the distinct account hashes of the approvals; Casper 1.x rejects a
 * deploy with any signer that is not an associated key, 2.0 needs at least one associated signer;
 * associated weights add with saturation at 255 and must reach the deployment threshold, then the
 * action's own threshold (key management, contract upgrade).
 */
final class CasperDecider implements ChainDecider {

    static final int MAX_APPROVALS = 100;

    @Override
    public Verdict decide(Request request) {
        List<ActionRequest> actions = request.tx().actions();
        List<ActionDecision> out = new ArrayList<>();
        actions.forEach(a -> out.add(Verdict.pending(a.account(), a.actionLabel())));
        for (int i = 0; i < actions.size(); i++) {
            ActionRequest a = actions.get(i);
            ActionDecision d = decideOne(request, a);
            out.set(i, d);
            if (d.decision() == Outcome.DENY) return new Verdict(out, d.reasons().get(0));
        }
        return new Verdict(out, null);
    }

    private ActionDecision decideOne(Request request, ActionRequest a) {
        CompiledAccount account = request.policy().account(a.account());
        if (account == null || !(account.source() instanceof CasperAccount casper)) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a casper account of the policy");
        }
        String threshold = a.action() == null ? null : switch (a.action()) {
            case "deploy", "deployment" -> "deployment";
            case "key_management" -> "key_management";
            case "upgrade_management" -> casper.version() >= 2 ? "upgrade_management" : null;
            default -> null;
        };
        if (threshold == null) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not a casper action: use deploy, key_management"
                    + (casper.version() >= 2 ? " or upgrade_management" : ""));
        }
        Signatures sigs = request.signatures();
        int given = request.tx().signatures().size();
        if (given == 0) {
            return deny(a, null, 0, 0, ReasonCode.NO_SIGNATURES, "a deploy needs at least one approval");
        }
        if (given > MAX_APPROVALS) {
            return deny(a, null, 0, 0, ReasonCode.TOO_MANY_SIGNATURES, "a deploy carries at most " + MAX_APPROVALS + " approvals, got " + given);
        }
        Program deployment = request.policy().program(account.program("deployment"));
        int associated = 0;
        for (int slot = 0; slot < sigs.size(); slot++) {
            if (weightOf(deployment, sigs.keys[slot]) >= 0) {
                associated++;
                sigs.used[slot] = true;
            }
        }
        if (casper.version() < 2 && associated < sigs.size()) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_SIGNER, "casper 1.x: every signer must be an associated key; not associated: "
                    + String.join(", ", sigs.unusedLabels()));
        }
        if (associated == 0) {
            return deny(a, null, 0, 0, ReasonCode.UNKNOWN_SIGNER, "no signer is an associated key of `" + a.account() + "`");
        }
        for (String name : threshold.equals("deployment") ? List.of("deployment") : List.of("deployment", threshold)) {
            Program p = request.policy().program(account.program(name));
            WeightCheck check = new WeightCheck(p.id(), p, sigs);
            if (!request.rules().judge(check)) {
                return deny(a, p, check.weight, p.threshold(), ReasonCode.UNSATISFIED_AUTHORITY,
                        "`" + p.label() + "` needs weight " + p.threshold() + ", the signers have " + check.weight);
            }
            if (name.equals(threshold)) {
                return new ActionDecision(Outcome.ALLOW, a.account(), a.actionLabel(), p.label(), p.label(), check.weight,
                        p.threshold(), List.of(ChainDecider.reason(ReasonCode.AUTHORIZED, "weight " + check.weight
                        + " reaches `" + p.label() + "` threshold " + p.threshold())));
            }
        }
        throw new IllegalStateException("unreachable: the action's threshold is always checked last");
    }

    private static ActionDecision deny(ActionRequest a, Program p, long weight, long threshold, String code, String message) {
        return new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), p == null ? null : p.label(), null, weight, threshold,
                List.of(ChainDecider.reason(code, message)));
    }

    /** The weight of an associated key (the first entry naming it), or -1 when it is not associated. */
    static int weightOf(Program p, int key) {
        for (int i = 0; i < p.size(); i++) {
            if (p.refs()[i] == key) return p.weights()[i];
        }
        return -1;
    }

    /** Saturating u8 sum of the distinct associated signers' weights. */
    static long saturatingWeight(Program p, Signatures sigs) {
        int total = 0;
        for (int slot = 0; slot < sigs.size(); slot++) {
            int w = weightOf(p, sigs.keys[slot]);
            if (w > 0) total = Math.min(255, total + w);
        }
        return total;
    }

    private static final class WeightCheck extends Check {
        private final Program program;
        private final Signatures sigs;
        long weight;

        WeightCheck(int target, Program program, Signatures sigs) {
            super(target);
            this.program = program;
            this.sigs = sigs;
        }

        @Override
        public boolean reaches(long threshold) {
            weight = saturatingWeight(program, sigs);
            return weight >= threshold;
        }
    }
}
