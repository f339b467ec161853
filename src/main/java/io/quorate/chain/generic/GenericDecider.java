package io.quorate.chain.generic;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.engine.ActionResult;
import io.quorate.engine.ChainDecider;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Request;
import io.quorate.engine.Verdict;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import io.quorate.yaml.Suggest;
import java.time.Instant;

/**
 * Generic weighted thresholds: an authority is satisfied inside its validity window when the
 * weights of the keys that signed and of the referenced authorities that are satisfied reach its
 * threshold (every entry counts; no early exit); otherwise its parent may act for it. An authority
 * being evaluated (a cycle), a missing reference and a reference deeper than {@code max_depth}
 * add 0. Keys of an authority that fails are not used. Unused signatures are allowed.
 */
public final class GenericDecider implements ChainDecider {

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public Verdict decide(Request request) {
        Instant now = request.tx().context().time() != null ? request.tx().context().time() : Instant.now();
        return ChainDecider.eachAction(request, r -> decideOne(request, r, now));
    }

    private void decideOne(Request request, ActionResult r, Instant now) {
        CompiledPolicy policy = request.policy();
        ActionRequest a = r.request;
        CompiledAccount account = policy.account(a.account());
        if (account == null || !(account.source() instanceof GenericAccount generic)) {
            r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a generic account of the policy");
            return;
        }
        String authority = a.action() == null ? null : generic.actions().get(a.action());
        if (authority == null && a.action() != null) authority = generic.actions().get("*");
        if (authority == null && a.action() != null && generic.authorities().containsKey(a.action())) authority = a.action();
        if (authority == null) {
            java.util.Set<String> known = new java.util.TreeSet<>(generic.actions().keySet());
            known.addAll(generic.authorities().keySet());
            known.remove("*");
            String suggestion = a.action() == null ? null : Suggest.didYouMean(a.action(), known);
            r.fail(ReasonCode.UNKNOWN_ACTION, "account `" + a.account() + "` has no authority for action `" + a.actionLabel() + "`"
                    + (suggestion == null ? "" : ": " + suggestion));
            return;
        }
        if (account.program(authority) < 0) {
            r.required = a.account() + "@" + authority;
            r.fail(ReasonCode.UNKNOWN_AUTHORITY, "action `" + a.actionLabel() + "` needs authority `" + authority
                    + "`, which account `" + a.account() + "` does not have");
            return;
        }
        Program required = policy.program(account.program(authority));
        r.required = required.label();
        GenericEvaluator evaluator = new GenericEvaluator(policy, request.signatures(), now, generic.maxDepth(),
                request::judge, request.budget());
        Program by = evaluator.satisfy(required);
        r.weight = evaluator.requiredTally();
        r.threshold = required.threshold();
        if (by != null) {
            r.weight = evaluator.satisfyingTally();
            r.threshold = by.threshold();
            r.satisfy(by.label());
        } else if (required.valid() != null && !required.valid().contains(now)) {
            r.fail(ReasonCode.AUTHORITY_NOT_VALID, "`" + required.label() + "` is valid " + window(required) + ", not at " + now);
        } else {
            r.fail(ReasonCode.UNSATISFIED_AUTHORITY, "`" + required.label() + "` is not satisfied: weight " + r.weight
                    + " of threshold " + required.threshold());
        }
    }

    private static String window(Program p) {
        return "from " + (p.valid().from() == null ? "any time" : p.valid().from())
                + " until " + (p.valid().until() == null ? "any time" : p.valid().until());
    }
}
