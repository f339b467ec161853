package io.quorate.chain.casper;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.Program;
import io.quorate.engine.ActionResult;
import io.quorate.engine.ChainDecider;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Request;
import io.quorate.engine.Verdict;
import io.quorate.rules.Signatures;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import java.util.List;

/**
 * Casper: the signer set is the distinct account hashes of the approvals; Casper 1.x rejects a
 * deploy with any signer that is not an associated key, 2.0 needs at least one associated signer;
 * associated weights add with saturation at 255 and must reach the deployment threshold, then the
 * action's own threshold (key management, contract upgrade).
 */
public final class CasperDecider implements ChainDecider {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    static final int MAX_APPROVALS = 100;

    @Override
    public Verdict decide(Request request) {
        return ChainDecider.eachAction(request, r -> decideOne(request, r));
    }

    private void decideOne(Request request, ActionResult r) {
        ActionRequest a = r.request;
        CompiledAccount account = request.policy().account(a.account());
        if (account == null || !(account.source() instanceof CasperAccount casper)) {
            r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a casper account of the policy");
            return;
        }
        if (a.action() == null || casper.threshold(a.action()) < 0) {
            r.fail(ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not a casper action: use deploy, key_management"
                    + (casper.version() >= 2 ? " or upgrade_management" : ""));
            return;
        }
        Program deployment = request.policy().program(account.program("deployment"));
        r.required = deployment.label();
        r.threshold = deployment.threshold();
        Signatures sigs = request.signatures();
        if (sigs.size() == 0) {
            r.fail(ReasonCode.NO_SIGNATURES, "a deploy needs at least one approval");
            return;
        }
        if (sigs.size() > MAX_APPROVALS) {
            r.fail(ReasonCode.TOO_MANY_SIGNATURES, "a deploy carries at most " + MAX_APPROVALS + " approvals, this one has " + sigs.size());
            return;
        }
        int associated = 0;
        for (int slot = 0; slot < sigs.size(); slot++) {
            if (CasperAuthorityCheck.weightOf(deployment.entries(), sigs.keys[slot]) >= 0) {
                associated++;
                sigs.use(slot);
            }
        }
        r.weight = CasperAuthorityCheck.saturatingWeight(deployment.entries(), sigs);
        if (casper.version() >= 2 ? associated == 0 : associated < sigs.size()) {
            r.fail(ReasonCode.UNKNOWN_SIGNER, casper.version() >= 2 ? "no signer is an associated key of `" + a.account() + "`"
                    : "casper 1.x rejects signers that are not associated keys");
            return;
        }
        String action = switch (a.action()) {
            case "key_management", "upgrade_management" -> a.action();
            default -> "deployment";
        };
        for (String name : action.equals("deployment") ? List.of("deployment") : List.of("deployment", action)) {
            Program p = request.policy().program(account.program(name));
            r.required = p.label();
            r.threshold = p.threshold();
            if (!request.judge(new CasperAuthorityCheck(p.id(), sigs))) {
                r.fail(ReasonCode.UNSATISFIED_AUTHORITY, "`" + p.label() + "` needs weight " + p.threshold()
                        + ", the signers have " + r.weight);
                return;
            }
        }
        r.satisfy(r.required);
    }
}
