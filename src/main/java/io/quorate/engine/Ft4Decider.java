package io.quorate.engine;

import io.quorate.compile.Check;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.DrlWriter;
import io.quorate.compile.Program;
import io.quorate.policy.AuthDescriptor;
import io.quorate.policy.Ft4Account;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromia FT4: the transaction authenticates with one auth descriptor of the account; its rules
 * must hold now, its flags must include every flag the operation needs, and enough of its signers
 * must have signed (its one signer for single-sig, signatures_required for multi-sig). When the
 * transaction names no descriptor, the first one that passes is used.
 */
final class Ft4Decider implements ChainDecider {

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

    static List<String> requiredFlags(ActionRequest a) {
        if (a.flags() != null) return a.flags();
        return switch (a.action() == null ? "" : a.action()) {
            case "transfer" -> List.of("T");
            case "account", "account_management" -> List.of("A");
            default -> null;
        };
    }

    private ActionDecision decideOne(Request request, ActionRequest a) {
        CompiledPolicy policy = request.policy();
        CompiledAccount account = policy.account(a.account());
        if (account == null || !(account.source() instanceof Ft4Account ft4)) {
            return deny(a, null, null, 0, 0, ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not an ft4 account of the policy");
        }
        List<String> flags = requiredFlags(a);
        if (flags == null) {
            return deny(a, null, null, 0, 0, ReasonCode.UNKNOWN_ACTION,
                    "`" + a.actionLabel() + "` is not an ft4 action: use transfer, account, or {flags: [...]}");
        }
        String named = request.tx().authDescriptor();
        if (named != null) {
            int program = account.program(named);
            if (program < 0) {
                return deny(a, a.account() + "@" + named, null, 0, 0, ReasonCode.UNKNOWN_DESCRIPTOR,
                        "account `" + a.account() + "` has no auth descriptor `" + named + "`");
            }
            return attempt(request, a, ft4, policy.program(program), flags);
        }
        boolean[] before = request.signatures().snapshot();
        Program reported = null;
        for (AuthDescriptor d : ft4.descriptors()) {
            if (!d.flags().containsAll(flags)) continue;
            Program p = policy.program(account.program(d.name()));
            ActionDecision result = attempt(request, a, ft4, p, flags);
            if (result.decision() == Outcome.ALLOW) return result;
            request.signatures().restore(before);
            if (reported == null) reported = p;
        }
        if (reported != null) {
            return attempt(request, a, ft4, reported, flags);
        }
        return deny(a, a.account() + " flags " + flags, null, 0, 0, ReasonCode.MISSING_FLAGS,
                "no auth descriptor of `" + a.account() + "` has flags " + flags);
    }

    private ActionDecision attempt(Request request, ActionRequest a, Ft4Account ft4, Program p, List<String> flags) {
        String label = p.label();
        switch (Ft4Rules.status(p.rules(), request.tx().context())) {
            case EXPIRED -> {
                return deny(a, label, null, 0, p.threshold(), ReasonCode.DESCRIPTOR_EXPIRED,
                        "auth descriptor `" + label + "` has expired: rules " + DrlWriter.ruleText(p.rules()));
            }
            case NOT_YET_VALID -> {
                return deny(a, label, null, 0, p.threshold(), ReasonCode.DESCRIPTOR_NOT_YET_VALID,
                        "auth descriptor `" + label + "` is not valid yet: rules " + DrlWriter.ruleText(p.rules()));
            }
            case MISSING_CONTEXT -> {
                return deny(a, label, null, 0, p.threshold(), ReasonCode.DESCRIPTOR_NOT_YET_VALID,
                        "auth descriptor `" + label + "` has rules " + DrlWriter.ruleText(p.rules())
                                + " and the transaction's context does not give their variables");
            }
            default -> {
            }
        }
        for (String f : flags) {
            long bit = request.policy().flagBit(f);
            if (bit == 0 || (p.flags() & bit) == 0) {
                return deny(a, label, null, 0, p.threshold(), ReasonCode.MISSING_FLAGS,
                        "auth descriptor `" + label + "` lacks flag `" + f + "`");
            }
        }
        SignerCheck check = new SignerCheck(p.id(), p, request.signatures());
        boolean ok = request.rules().judge(check);
        if (!ok) {
            return deny(a, label, null, check.signed, p.threshold(), ReasonCode.UNSATISFIED_AUTHORITY,
                    "auth descriptor `" + label + "` needs " + p.threshold() + " signature(s) of its signers, has " + check.signed);
        }
        return new ActionDecision(Outcome.ALLOW, a.account(), a.actionLabel(), label, label, check.signed, p.threshold(),
                List.of(ChainDecider.reason(ReasonCode.AUTHORIZED, "auth descriptor `" + label + "` has " + check.signed
                        + " of " + p.threshold() + " required signatures")));
    }

    private static ActionDecision deny(ActionRequest a, String required, String by, long weight, long threshold, String code, String msg) {
        return new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), required, by, weight, threshold,
                List.of(ChainDecider.reason(code, msg)));
    }

    /** Counts the descriptor's distinct signers that signed, marking them used. */
    private static final class SignerCheck extends Check {
        private final Program program;
        private final Signatures sigs;
        long signed;

        SignerCheck(int target, Program program, Signatures sigs) {
            super(target);
            this.program = program;
            this.sigs = sigs;
        }

        @Override
        public boolean reaches(long threshold) {
            boolean[] counted = new boolean[sigs.size()];
            signed = 0;
            for (int i = 0; i < program.size(); i++) {
                int slot = sigs.slot(program.refs()[i]);
                if (slot >= 0 && !counted[slot]) {
                    counted[slot] = true;
                    sigs.used[slot] = true;
                    signed++;
                }
            }
            return signed >= threshold;
        }
    }
}
