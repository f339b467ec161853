package io.quorate.chain.ft4;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.engine.ActionResult;
import io.quorate.engine.ChainDecider;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Request;
import io.quorate.engine.Verdict;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import java.util.List;

/**
 * Chromia FT4 (authentication.rell): the transaction authenticates with one auth descriptor of the
 * account; its rules must hold now, its flags must include every flag the operation needs, and
 * enough of its signers must have signed (its signer for single-sig, signatures_required for
 * multi-sig). When the transaction names no descriptor, the first one that passes is used, and a
 * denial is explained by the first descriptor that has the flags.
 */
public final class Ft4Decider implements ChainDecider {

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public Verdict decide(Request request) {
        return ChainDecider.eachAction(request, r -> decideOne(request, r));
    }

    static List<String> requiredFlags(ActionRequest a) {
        if (a.flags() != null) return a.flags();
        if (a.action() == null) return null;
        return switch (a.action()) {
            case "transfer" -> List.of("T");
            case "account" -> List.of("A");
            default -> null;
        };
    }

    private void decideOne(Request request, ActionResult r) {
        CompiledPolicy policy = request.policy();
        ActionRequest a = r.request;
        CompiledAccount account = policy.account(a.account());
        if (account == null || !(account.source() instanceof Ft4Account ft4)) {
            r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not an ft4 account of the policy");
            return;
        }
        List<String> flags = requiredFlags(a);
        if (flags == null) {
            r.fail(ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not an ft4 operation with known flags: "
                    + "use transfer, account, or {flags: [...]}");
            return;
        }
        String named = request.tx().authDescriptor();
        if (named != null) {
            int program = account.program(named);
            if (program < 0) {
                r.required = a.account() + "@" + named;
                r.fail(ReasonCode.UNKNOWN_DESCRIPTOR, "account `" + a.account() + "` has no auth descriptor `" + named + "`");
                return;
            }
            report(request, r, policy.program(program), authenticate(request, policy.program(program), flags));
            return;
        }
        Program firstWithFlags = null;
        Reason firstFailure = null;
        for (AuthDescriptor d : ft4.descriptors()) {
            Program p = policy.program(account.program(d.name()));
            Reason failure = authenticate(request, p, flags);
            if (failure == null) {
                report(request, r, p, null);
                return;
            }
            if (firstWithFlags == null && p.flags().containsAll(flags)) {
                firstWithFlags = p;
                firstFailure = failure;
            }
        }
        if (firstWithFlags != null) {
            report(request, r, firstWithFlags, firstFailure);
            return;
        }
        r.required = a.account() + " flags " + flags;
        r.fail(ReasonCode.MISSING_FLAGS, "no auth descriptor of `" + a.account() + "` has flags " + flags);
    }

    /** The descriptor's rule, with the checks in the chain's order: rules, flags, signatures. Null when all pass. */
    private static Reason authenticate(Request request, Program p, List<String> flags) {
        Ft4AuthorityCheck check = new Ft4AuthorityCheck(p.id(), request.signatures(), request.tx().context(), flags);
        if (request.judge(check)) return null;
        return switch (check.failure()) {
            case EXPIRED -> ChainDecider.reason(ReasonCode.DESCRIPTOR_EXPIRED,
                    "auth descriptor `" + p.label() + "` has expired: rules " + Ft4Rules.text(Ft4DescriptorRules.rulesOf(request.policy(), p)));
            case NOT_YET_VALID -> ChainDecider.reason(ReasonCode.DESCRIPTOR_NOT_YET_VALID, "auth descriptor `" + p.label()
                    + "` is not valid yet (or the context lacks its variables): rules " + Ft4Rules.text(Ft4DescriptorRules.rulesOf(request.policy(), p)));
            case MISSING_FLAGS -> ChainDecider.reason(ReasonCode.MISSING_FLAGS, "auth descriptor `" + p.label() + "` lacks a flag of " + flags);
            default -> ChainDecider.reason(ReasonCode.UNSATISFIED_AUTHORITY, "auth descriptor `" + p.label() + "` needs "
                    + p.threshold() + " signature(s) of its signers, has "
                    + Ft4AuthorityCheck.signedSigners(p.entries(), request.signatures(), false));
        };
    }

    /** Records the descriptor that answers: its signers that signed count as used, whatever the outcome. */
    private static void report(Request request, ActionResult r, Program p, Reason failure) {
        r.required = p.label();
        r.threshold = p.threshold();
        r.weight = Ft4AuthorityCheck.signedSigners(p.entries(), request.signatures(), true);
        if (failure == null) {
            r.satisfy(p.label());
        } else {
            r.failure = failure;
        }
    }
}
