package io.quorate.engine;

import io.quorate.compile.Check;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Authority;
import io.quorate.policy.EosAccount;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Antelope's authorization: every action's declared permission must satisfy the action's minimum
 * permission (links), then one authority checker for the whole transaction evaluates each declared
 * permission (weight-descending visiting, early exit, rollback of failed sub-authorities, depth
 * limit, cycles and missing permissions adding 0, one cache), then every signature must have been used.
 */
final class EosDecider implements ChainDecider {

    static final String ANY = "eosio.any";

    @Override
    public Verdict decide(Request request) {
        CompiledPolicy policy = request.policy();
        List<ActionRequest> actions = request.tx().actions();
        List<ActionDecision> out = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        Reason denial = null;
        for (ActionRequest action : actions) {
            Target t = resolve(policy, action);
            targets.add(t);
            out.add(new ActionDecision(Outcome.DENY, t.actor, action.actionLabel(), t.requiredLabel(), null, 0,
                    t.program == null ? 0 : t.program.threshold(), t.failure == null ? List.of() : List.of(t.failure)));
            if (denial == null && t.failure != null) denial = t.failure;
        }
        if (denial != null) return new Verdict(out, denial);

        Checker checker = new Checker(policy, request.signatures(), new LinkedHashSet<>(request.tx().approvals()),
                request.tx().context().delaySec());
        Set<Integer> checked = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            boolean satisfied;
            long tally;
            if (checked.add(t.program.id())) {
                RootCheck check = new RootCheck(t.program.id(), checker, t.depth);
                satisfied = request.rules().judge(check);
                tally = check.tally;
            } else {
                satisfied = checker.status(t.program.id(), t.program.label()) == Checker.SATISFIED;
                tally = checker.lastTally(t.program.id());
            }
            Reason r = satisfied ? null : ChainDecider.reason(ReasonCode.UNSATISFIED_AUTHORITY,
                    "`" + t.program.label() + "` is not satisfied: weight " + tally + " of threshold " + t.program.threshold());
            out.set(i, new ActionDecision(satisfied ? Outcome.ALLOW : Outcome.DENY, t.actor, actions.get(i).actionLabel(),
                    t.requiredLabel(), satisfied ? t.program.label() : null, tally, t.program.threshold(),
                    r == null ? List.of(ChainDecider.reason(ReasonCode.AUTHORIZED, "`" + t.program.label() + "` is satisfied")) : List.of(r)));
            if (r != null) return new Verdict(out, r);
        }
        if (!request.signatures().allUsed()) {
            return new Verdict(out, ChainDecider.reason(ReasonCode.IRRELEVANT_SIGNATURE,
                    "signatures not needed by any declared authority: " + String.join(", ", request.signatures().unusedLabels())));
        }
        return new Verdict(out, null);
    }

    /** An action's declared permission, the minimum it must satisfy, or why it fails before any signature is looked at. */
    private record Target(String actor, Program program, String minimum, int depth, Reason failure) {
        String requiredLabel() {
            return minimum == null ? (program == null ? null : program.label()) : actor + "@" + minimum;
        }
    }

    private static Target resolve(CompiledPolicy policy, ActionRequest action) {
        String actor = action.account();
        String declaredName = null;
        if (action.authorization() != null) {
            int at = action.authorization().indexOf('@');
            actor = at < 0 ? action.authorization() : action.authorization().substring(0, at);
            declaredName = at < 0 ? "active" : action.authorization().substring(at + 1);
        }
        CompiledAccount account = policy.account(actor);
        if (account == null || !(account.source() instanceof EosAccount eos)) {
            return new Target(actor, null, null, 0, ChainDecider.reason(ReasonCode.UNKNOWN_ACCOUNT,
                    "account `" + actor + "` is not an eos account of the policy"));
        }
        String minimum = minimumPermission(eos, action.action());
        String declared = declaredName != null ? declaredName : (minimum != null ? minimum : "active");
        int declaredProgram = account.program(declared);
        if (declaredProgram < 0) {
            return new Target(actor, null, minimum, 0, ChainDecider.reason(ReasonCode.UNKNOWN_AUTHORITY,
                    "account `" + actor + "` has no permission `" + declared + "`"));
        }
        Program program = policy.program(declaredProgram);
        if (minimum != null && account.program(minimum) < 0) {
            return new Target(actor, program, minimum, 0, ChainDecider.reason(ReasonCode.UNKNOWN_AUTHORITY,
                    "action `" + action.action() + "` is linked to permission `" + minimum + "`, which account `" + actor + "` does not have"));
        }
        if (minimum != null && !satisfies(eos, declared, minimum)) {
            return new Target(actor, program, minimum, 0, ChainDecider.reason(ReasonCode.IRRELEVANT_AUTHORIZATION,
                    "action declares `" + actor + "@" + declared + "` but its minimum permission is `" + actor + "@" + minimum
                            + "`, which `" + declared + "` does not satisfy"));
        }
        return new Target(actor, program, minimum, eos.maxAuthorityDepth(), null);
    }

    /** The permission an action needs by the account's links, or null when linked to {@code eosio.any}. */
    static String minimumPermission(EosAccount eos, String action) {
        int sep = action.indexOf("::");
        String linked;
        if (sep < 0) {
            if (eos.permissions().containsKey(action)) return action;
            linked = eos.links().get(action);
        } else {
            linked = eos.links().get(action);
            if (linked == null) linked = eos.links().get(action.substring(0, sep) + "::*");
        }
        if (linked == null) return "active";
        return ANY.equals(linked) ? null : linked;
    }

    /** A permission satisfies another when it is that permission or one of its ancestors. */
    static boolean satisfies(EosAccount eos, String declared, String minimum) {
        String p = minimum;
        for (int hops = 0; p != null && hops <= eos.permissions().size(); hops++) {
            if (p.equals(declared)) return true;
            Authority a = eos.permissions().get(p);
            p = a == null ? null : a.parent();
        }
        return false;
    }

    /** The declared permission as a Drools fact: the rule reaches its threshold through the checker. */
    private static final class RootCheck extends Check {
        private final Checker checker;
        private final int depthLimit;
        long tally;

        RootCheck(int target, Checker checker, int depthLimit) {
            super(target);
            this.checker = checker;
            this.depthLimit = depthLimit;
        }

        @Override
        public boolean reaches(long threshold) {
            checker.depthLimit = depthLimit;
            boolean satisfied = checker.visitRoot(getTarget());
            tally = checker.lastTally(getTarget());
            return satisfied;
        }
    }

    /** Antelope's authority_checker over compiled programs. */
    static final class Checker {
        static final byte BEING_EVALUATED = 1;
        static final byte SATISFIED = 2;
        static final byte UNSATISFIED = 3;

        private final CompiledPolicy policy;
        private final Signatures signatures;
        private final Set<String> providedPermissions;
        private final long delaySec;
        private final Map<String, Byte> cache = new HashMap<>();
        private final Map<Integer, Long> tallies = new HashMap<>();
        int depthLimit = EosAccount.DEFAULT_MAX_AUTHORITY_DEPTH;

        Checker(CompiledPolicy policy, Signatures signatures, Set<String> providedPermissions, long delaySec) {
            this.policy = policy;
            this.signatures = signatures;
            this.providedPermissions = providedPermissions;
            this.delaySec = delaySec;
        }

        /** The root is visited as a weight-1 permission entry at depth 0. */
        boolean visitRoot(int program) {
            return visitPermission(program, policy.program(program).label(), 1, 0, 0) > 0;
        }

        long lastTally(int program) {
            return tallies.getOrDefault(program, 0L);
        }

        byte status(int program, String label) {
            Byte cached = cache.get(label);
            if (cached != null) return cached;
            if (providedPermissions.contains(label)) {
                cache.put(label, SATISFIED);
                return SATISFIED;
            }
            return 0;
        }

        private long visitPermission(int program, String label, int weight, int depth, long total) {
            byte status = status(program, label);
            if (status == 0) {
                if (depth < depthLimit) {
                    if (program < 0) return total;
                    cache.put(label, BEING_EVALUATED);
                    boolean r = satisfied(policy.program(program), depth + 1);
                    cache.put(label, r ? SATISFIED : UNSATISFIED);
                    if (r) total += weight;
                }
            } else if (status == SATISFIED) {
                total += weight;
            }
            return total;
        }

        private boolean satisfied(Program p, int depth) {
            boolean[] saved = signatures.snapshot();
            long total = 0;
            byte[] kinds = p.kinds();
            for (int i = 0; i < kinds.length; i++) {
                switch (kinds[i]) {
                    case Program.WAIT -> {
                        if (delaySec >= p.refs()[i]) total += p.weights()[i];
                    }
                    case Program.KEY -> {
                        int slot = signatures.slot(p.refs()[i]);
                        if (slot >= 0) {
                            signatures.used[slot] = true;
                            total += p.weights()[i];
                        }
                    }
                    default -> total = visitPermission((int) p.refs()[i], p.labels()[i], p.weights()[i], depth, total);
                }
                if (total >= p.threshold()) {
                    tallies.put(p.id(), total);
                    return true;
                }
            }
            tallies.put(p.id(), total);
            signatures.restore(saved);
            return false;
        }
    }
}
