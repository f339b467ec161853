package io.quorate.chain.eos;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.engine.ActionResult;
import io.quorate.engine.ChainDecider;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Request;
import io.quorate.engine.Verdict;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Antelope's authorization: every action's declared permission must satisfy the action's minimum
 * permission (links), then one authority checker for the whole transaction evaluates each declared
 * permission (weight-descending visiting, early exit, rollback of failed sub-authorities, depth
 * limit, cycles and missing permissions adding 0, one cache), then every signature must have been used.
 */
public final class EosDecider implements ChainDecider {

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    /** A key that signs twice fails the transaction. */
    @Override
    public boolean rejectsDuplicateSignatures() {
        return true;
    }

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
        List<String> minimums = new ArrayList<>();
        for (ActionRequest action : actions) {
            ActionResult r = new ActionResult(action);
            results.add(r);
            Declared declared = resolve(policy, action, r);
            if (declared == null) return Verdict.deny(results, results.size() - 1);
            toSatisfy.computeIfAbsent(declared.permission(), k -> new ArrayList<>(1)).add(results.size() - 1);
            minimums.add(declared.minimum());
        }
        int foreign = onlyForeignAuthorizations(actions);
        if (foreign >= 0) {
            ActionRequest a = actions.get(foreign);
            results.get(foreign).fail(ReasonCode.IRRELEVANT_AUTHORIZATION, "the action of `" + a.account() + "` declares only "
                    + "other accounts' permissions (`" + a.authorization() + "`): an action of `" + a.account()
                    + "` is authorized by one of its own permissions; declare `" + a.account() + "@…`");
            return Verdict.deny(results, foreign);
        }
        long delay = request.tx().context().delaySec();
        long delaySec = delay >= MAX_TRANSACTION_DELAY_SEC ? Long.MAX_VALUE : delay;
        int depthLimit = depthLimit(policy, actions.get(0));
        for (Map.Entry<Program, List<Integer>> entry : toSatisfy.entrySet()) {
            String level = entry.getKey().label();
            String[] groupMinimums = new String[entry.getValue().size()];
            for (int i = 0; i < groupMinimums.length; i++) groupMinimums[i] = minimums.get(entry.getValue().get(i));
            // Each declared permission has a checker of its own (a fresh cache); used-marks are the transaction's.
            EosAuthorityCheck check = new EosAuthorityCheck(policy, entry.getKey(), List.of(groupMinimums), request.signatures(),
                    request.tx().approvals(), delaySec, depthLimit);
            boolean satisfied = request.judge(check);
            long tally = check.rootTally();
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

    /**
     * The first action whose account declares none of its own permissions, or -1. The chain would
     * run such an action on the declared actors' authority alone; a decision about the account
     * must not report it as the account's (the actors' own transactions name them as the account).
     */
    static int onlyForeignAuthorizations(List<ActionRequest> actions) {
        for (int i = 0; i < actions.size(); i++) {
            String account = actions.get(i).account();
            boolean own = false;
            for (ActionRequest a : actions) {
                if (a.account().equals(account) && (a.authorization() == null || actor(a.authorization()).equals(account))) own = true;
            }
            if (!own) return i;
        }
        return -1;
    }

    private static String actor(String authorization) {
        int at = authorization.indexOf('@');
        return at < 0 ? authorization : authorization.substring(0, at);
    }

    private static int depthLimit(CompiledPolicy policy, ActionRequest first) {
        CompiledAccount account = policy.account(first.account());
        return account != null && account.source() instanceof EosAccount eos ? eos.maxAuthorityDepth()
                : EosAccount.DEFAULT_MAX_AUTHORITY_DEPTH;
    }

    /** Antelope's order of permission levels: by actor, then by permission name. */
    private static final java.util.Comparator<Program> BY_LEVEL =
            java.util.Comparator.comparing(Program::accountName).thenComparing(Program::name);

    /** An action's declared permission and the minimum permission its links ask for. */
    private record Declared(Program permission, String minimum) {
    }

    /**
     * The per-action checks, before any signature is looked at: the account, the minimum permission
     * by links, the declared permission and whether it satisfies the minimum (checked here, before
     * any rule fires, because the chain reports it first; the rule states it again). Returns the
     * declared permission and the minimum, or null with the failure recorded.
     */
    private static Declared resolve(CompiledPolicy policy, ActionRequest action, ActionResult r) {
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
            actor = actor(action.authorization());
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
        return new Declared(policy.program(account.program(declared)), minimum);
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
}
