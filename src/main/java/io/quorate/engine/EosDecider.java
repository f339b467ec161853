package io.quorate.engine;

import io.quorate.chain.eos.EosAccount;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Authority;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Antelope's authorization: every action's declared permission must satisfy the action's minimum
 * permission (links), then one authority checker for the whole transaction evaluates each declared
 * permission (weight-descending visiting, early exit, rollback of failed sub-authorities, depth
 * limit, cycles and missing permissions adding 0, one cache), then every signature must have been used.
 */
final class EosDecider implements ChainDecider {

    static final String ANY = "eosio.any";

    /** {@code max_transaction_delay}: a delay at least this long satisfies every wait. */
    static final long MAX_TRANSACTION_DELAY_SEC = 3_888_000L;

    @Override
    public Verdict decide(Request request) {
        CompiledPolicy policy = request.policy();
        List<ActionRequest> actions = request.tx().actions();
        List<ActionResult> results = new ArrayList<>();
        // The declared permissions to check, each once, in the chain's (actor, permission) order.
        TreeMap<Program, List<Integer>> toSatisfy = new TreeMap<>(BY_LEVEL);
        for (ActionRequest action : actions) {
            ActionResult r = new ActionResult(action);
            results.add(r);
            Program declared = resolve(policy, action, r);
            if (r.failure != null) return Verdict.deny(results, results.size() - 1);
            toSatisfy.computeIfAbsent(declared, k -> new ArrayList<>(1)).add(results.size() - 1);
        }
        long delay = request.tx().context().delaySec();
        Checker checker = new Checker(policy, request.signatures(), request.tx().approvals(),
                delay >= MAX_TRANSACTION_DELAY_SEC ? Long.MAX_VALUE : delay, depthLimit(policy, actions.get(0)));
        for (Map.Entry<Program, List<Integer>> entry : toSatisfy.entrySet()) {
            String level = entry.getKey().label();
            int target = entry.getKey().id();
            // The checker applies the threshold itself: early exit is part of the chain's rule.
            boolean satisfied = request.rules().judge(new RuleCheck(target, t -> checker.satisfiedDeclared(target)));
            long tally = checker.rootTally;
            for (int i : entry.getValue()) {
                ActionResult r = results.get(i);
                r.weight = tally;
                if (satisfied) {
                    r.satisfy(level);
                } else {
                    r.fail(ReasonCode.UNSATISFIED_AUTHORITY, "`" + level + "` is not satisfied: weight "
                            + tally + " of threshold " + r.threshold);
                }
            }
            if (!satisfied) return Verdict.deny(results, entry.getValue().get(0));
        }
        if (!request.signatures().allUsed()) {
            return Verdict.denyAll(results, ChainDecider.reason(ReasonCode.IRRELEVANT_SIGNATURE,
                    "signatures not needed by any declared authority: " + String.join(", ", request.signatures().unusedLabels())));
        }
        return Verdict.allow(results);
    }

    private static int depthLimit(CompiledPolicy policy, ActionRequest first) {
        CompiledAccount account = policy.account(first.account());
        return account != null && account.source() instanceof EosAccount eos ? eos.maxAuthorityDepth()
                : EosAccount.DEFAULT_MAX_AUTHORITY_DEPTH;
    }

    /** Antelope's order of permission levels: by actor, then by permission name. */
    private static final java.util.Comparator<Program> BY_LEVEL =
            java.util.Comparator.comparing(Program::accountName).thenComparing(Program::name);

    /**
     * The per-action checks, before any signature is looked at: the account, the minimum permission
     * by links, the declared permission and whether it satisfies the minimum. Returns the declared
     * permission's program, or null with the failure recorded.
     */
    private static Program resolve(CompiledPolicy policy, ActionRequest action, ActionResult r) {
        CompiledAccount own = policy.account(action.account());
        if (own == null || !(own.source() instanceof EosAccount)) {
            r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "` is not an eos account of the policy");
            return null;
        }
        if (action.action() == null) {
            r.fail(ReasonCode.UNKNOWN_ACTION, "an eos action needs a name such as `contract::action`");
            return null;
        }
        String actor = action.account();
        String declaredName = null;
        if (action.authorization() != null) {
            int at = action.authorization().indexOf('@');
            actor = at < 0 ? action.authorization() : action.authorization().substring(0, at);
            declaredName = at < 0 || at == action.authorization().length() - 1 ? null : action.authorization().substring(at + 1);
        }
        CompiledAccount account = policy.account(actor);
        if (account == null || !(account.source() instanceof EosAccount eos)) {
            r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + actor + "` is not an eos account of the policy");
            return null;
        }
        String minimum = minimumPermission(eos, action.action());
        String declared = declaredName != null ? declaredName : minimum == null ? "active" : minimum;
        if (minimum == null) minimum = declared;
        r.required = actor + "@" + minimum;
        if (account.program(minimum) < 0) {
            r.fail(ReasonCode.UNKNOWN_AUTHORITY, "action `" + action.action() + "` needs permission `" + minimum
                    + "`, which account `" + actor + "` does not have");
            return null;
        }
        if (account.program(declared) < 0) {
            r.fail(ReasonCode.UNKNOWN_AUTHORITY, "account `" + actor + "` has no permission `" + declared + "`");
            return null;
        }
        r.threshold = policy.program(account.program(declared)).threshold();
        if (!satisfies(eos, declared, minimum)) {
            r.fail(ReasonCode.IRRELEVANT_AUTHORIZATION, "action declares `" + actor + "@" + declared
                    + "` but its minimum permission is `" + r.required + "`, which `" + declared + "` does not satisfy");
            return null;
        }
        return policy.program(account.program(declared));
    }

    /** The permission an action needs by the account's links, or null when linked to {@code eosio.any}. */
    static String minimumPermission(EosAccount eos, String action) {
        int sep = action.indexOf("::");
        if (sep < 0) return eos.permissions().containsKey(action) ? action : "active";
        String linked = eos.links().get(action);
        if (linked == null) linked = eos.links().get(action.substring(0, sep) + "::*");
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

    /**
     * Antelope's authority_checker over compiled programs. Used-marks are shared by the whole
     * transaction; each declared permission starts a fresh cache that holds the provided permissions.
     */
    static final class Checker {
        static final byte BEING_EVALUATED = 1;
        static final byte SATISFIED = 2;
        static final byte UNSATISFIED = 3;

        private final CompiledPolicy policy;
        private final Signatures signatures;
        private final List<String> providedPermissions;
        private final long delaySec;
        private final int depthLimit;
        private final Map<String, Byte> cache = new HashMap<>();
        long rootTally;

        Checker(CompiledPolicy policy, Signatures signatures, List<String> providedPermissions, long delaySec, int depthLimit) {
            this.policy = policy;
            this.signatures = signatures;
            this.providedPermissions = providedPermissions;
            this.delaySec = delaySec;
            this.depthLimit = depthLimit;
        }

        /** The declared permission, visited as a weight-1 account entry at depth 0 with a fresh cache. */
        boolean satisfiedDeclared(int program) {
            cache.clear();
            for (String p : providedPermissions) cache.put(p.indexOf('@') < 0 ? p + "@" : p, SATISFIED);
            Program root = policy.program(program);
            byte status = status(root.label());
            if (status != 0) {
                rootTally = status == SATISFIED ? root.threshold() : 0;
                return status == SATISFIED;
            }
            rootTally = 0;
            if (depthLimit <= 0) return false;
            cache.put(root.label(), BEING_EVALUATED);
            boolean r = satisfied(root, 1);
            cache.put(root.label(), r ? SATISFIED : UNSATISFIED);
            return r;
        }

        /** The cached status of {@code actor@permission}, or of a provided {@code actor@} (any permission); 0 when none. */
        private byte status(String label) {
            Byte cached = cache.get(label);
            if (cached == null) cached = cache.get(label.substring(0, label.indexOf('@') + 1));
            return cached == null ? 0 : cached;
        }

        private long visitPermission(int program, String label, int weight, int depth, long total) {
            byte status = status(label);
            if (status == 0) {
                if (depth < depthLimit && program >= 0) {
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
                if (depth == 1) rootTally = total;
                if (total >= p.threshold()) return true;
            }
            signatures.restore(saved);
            return false;
        }
    }
}
