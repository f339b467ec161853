package io.quorate.engine;

import io.quorate.chain.generic.GenericAccount;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.transaction.ActionRequest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Generic weighted thresholds: an authority is satisfied inside its validity window when the
 * weights of the keys that signed and of the referenced authorities that are satisfied reach its
 * threshold (every entry counts; no early exit); otherwise its parent may act for it. An authority
 * being evaluated (a cycle), a missing reference and a reference deeper than {@code max_depth}
 * add 0. Keys of an authority that fails are not used. Unused signatures are allowed.
 */
final class GenericDecider implements ChainDecider {

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
            r.fail(ReasonCode.UNKNOWN_ACTION, "account `" + a.account() + "` has no authority for action `" + a.actionLabel() + "`");
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
        Evaluator evaluator = new Evaluator(request, now, generic.maxDepth());
        Program by = evaluator.satisfied(required, 1);
        r.weight = evaluator.requiredTally;
        r.threshold = required.threshold();
        if (by != null) {
            r.weight = evaluator.satisfyingTally;
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

    static final class Evaluator {
        final CompiledPolicy policy;
        private final Request request;
        private final Signatures signatures;
        private final Instant now;
        private final int maxDepth;
        private final Set<Integer> stack = new HashSet<>();
        long requiredTally;
        long satisfyingTally;

        Evaluator(Request request, Instant now, int maxDepth) {
            this.request = request;
            this.policy = request.policy();
            this.signatures = request.signatures();
            this.now = now;
            this.maxDepth = maxDepth;
        }

        /** The authority that satisfies {@code p}: itself, or its nearest satisfied ancestor; null when none. */
        Program satisfied(Program p, int depth) {
            boolean root = depth == 1 && stack.isEmpty();
            boolean topLevel = depth == 1;
            stack.add(p.id());
            try {
                boolean[] saved = signatures.snapshot();
                boolean ok = false;
                long own = 0;
                if (p.valid() == null || p.valid().contains(now)) {
                    if (topLevel) {
                        // The required authority and its ancestors are judged by their rules; nested
                        // references are evaluated inside that judgement.
                        long[] tally = new long[1];
                        ok = request.rules().judge(new RuleCheck(p.id(), t -> (tally[0] = tally(p, depth)) >= t));
                        own = tally[0];
                    } else {
                        own = tally(p, depth);
                        ok = own >= p.threshold();
                    }
                }
                if (root) requiredTally = own;
                if (ok) {
                    if (topLevel) satisfyingTally = own;
                    return p;
                }
                signatures.restore(saved);
                if (p.parent() >= 0 && !stack.contains(p.parent())) {
                    return satisfied(policy.program(p.parent()), depth);
                }
                return null;
            } finally {
                stack.remove(p.id());
            }
        }

        /** Every present key and every satisfied reference, marking the keys used. */
        long tally(Program p, int depth) {
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
                    if (ref >= 0 && depth < maxDepth && !stack.contains(ref) && satisfied(policy.program(ref), depth + 1) != null) {
                        total += p.weights()[i];
                    }
                }
            }
            return total;
        }
    }
}
