package io.quorate.engine;

import io.quorate.compile.Check;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.HiveAccount;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hive's verify_authority: the required accounts of each role (sorted by name, as the chain's
 * sets are), a posting phase then an active/owner phase, each with its own sign_state (keys before
 * accounts, no rollback, nested accounts through the phase's role, depth 2, membership and account
 * limits). From hardfork 28 each role stands alone and unused signatures are allowed; before it
 * higher roles stand in for lower ones, posting may not be mixed, and unused signatures fail.
 */
final class HiveDecider implements ChainDecider {

    static final int MAX_SIG_CHECK_DEPTH = 2;
    static final int MAX_AUTHORITY_MEMBERSHIP = 40;
    static final int MAX_SIG_CHECK_ACCOUNTS = 125;

    @Override
    public Verdict decide(Request request) {
        CompiledPolicy policy = request.policy();
        List<ActionRequest> actions = request.tx().actions();
        List<ActionDecision> out = new ArrayList<>();
        TreeMap<String, Integer> posting = new TreeMap<>();
        TreeMap<String, Integer> active = new TreeMap<>();
        TreeMap<String, Integer> owner = new TreeMap<>();
        Reason denial = null;
        boolean legacy = false;
        for (int i = 0; i < actions.size(); i++) {
            ActionRequest a = actions.get(i);
            out.add(Verdict.pending(a.account(), a.actionLabel()));
            CompiledAccount account = policy.account(a.account());
            Reason failure = null;
            String role = HiveOperations.role(a.action() == null ? "" : a.action());
            if (account == null || !(account.source() instanceof HiveAccount hive)) {
                failure = ChainDecider.reason(ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a hive account of the policy");
            } else if (role == null) {
                failure = ChainDecider.reason(ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not a hive operation quorate knows");
            } else {
                legacy |= hive.hardfork() < 28;
                (role.equals("posting") ? posting : role.equals("active") ? active : owner).putIfAbsent(a.account(), i);
            }
            if (failure != null) {
                out.set(i, new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), null, null, 0, 0, List.of(failure)));
                if (denial == null) denial = failure;
            }
        }
        if (denial != null) return new Verdict(out, denial);
        if (legacy && !posting.isEmpty() && (!active.isEmpty() || !owner.isEmpty())) {
            return new Verdict(out, ChainDecider.reason(ReasonCode.COMBINED_POSTING_AUTHORITY,
                    "before hardfork 28 a transaction with posting operations cannot also need active or owner authority"));
        }
        SignState.Counter accountsLoaded = new SignState.Counter();
        if (!posting.isEmpty()) {
            SignState s = new SignState(policy, request.signatures(), "posting", accountsLoaded);
            Reason r = checkRole(request, s, posting, "posting", legacy ? List.of("posting", "active", "owner") : List.of("posting"), out);
            if (r != null) return new Verdict(out, r);
            if (legacy) return new Verdict(out, irrelevant(request));
        }
        if (!active.isEmpty() || !owner.isEmpty()) {
            SignState s = new SignState(policy, request.signatures(), "active", accountsLoaded);
            Reason r = checkRole(request, s, active, "active", legacy ? List.of("active", "owner") : List.of("active"), out);
            if (r == null) r = checkRole(request, s, owner, "owner", List.of("owner"), out);
            if (r != null) return new Verdict(out, r);
        }
        return new Verdict(out, legacy ? irrelevant(request) : null);
    }

    private static Reason irrelevant(Request request) {
        return request.signatures().allUsed() ? null : ChainDecider.reason(ReasonCode.IRRELEVANT_SIGNATURE,
                "unnecessary signatures (not allowed before hardfork 28): " + String.join(", ", request.signatures().unusedLabels()));
    }

    /** Checks each required account of one role, trying {@code roles} in order (higher roles only before HF28). */
    private static Reason checkRole(Request request, SignState s, TreeMap<String, Integer> required, String role,
                                    List<String> roles, List<ActionDecision> out) {
        for (var e : required.entrySet()) {
            String name = e.getKey();
            CompiledAccount account = request.policy().account(name);
            String satisfiedBy = null;
            long weight = -1;
            long threshold = 0;
            for (String tryRole : roles) {
                int program = account.program(tryRole);
                boolean ok;
                long tally = 0;
                if (tryRole.equals(s.phaseRole) && s.approved.contains(account.index())) {
                    ok = true;
                } else if (program < 0) {
                    ok = false;
                } else {
                    RoleCheck check = new RoleCheck(program, s);
                    ok = request.rules().judge(check);
                    tally = check.tally;
                }
                if (weight < 0 || ok) {
                    weight = tally;
                    threshold = program < 0 ? 0 : request.policy().program(program).threshold();
                }
                if (ok) {
                    satisfiedBy = name + "@" + tryRole;
                    break;
                }
            }
            for (int i = 0; i < out.size(); i++) {
                ActionRequest a = request.tx().actions().get(i);
                if (a.account().equals(name) && role.equals(HiveOperations.role(a.action()))) {
                    out.set(i, new ActionDecision(satisfiedBy != null ? Outcome.ALLOW : Outcome.DENY, name, a.actionLabel(),
                            name + "@" + role, satisfiedBy, weight, threshold, List.of(satisfiedBy != null
                            ? ChainDecider.reason(ReasonCode.AUTHORIZED, "`" + satisfiedBy + "` is satisfied")
                            : missingAuthority(name, role, weight, threshold))));
                }
            }
            if (satisfiedBy == null) return missingAuthority(name, role, weight, threshold);
        }
        return null;
    }

    private static Reason missingAuthority(String account, String role, long weight, long threshold) {
        return ChainDecider.reason(ReasonCode.UNSATISFIED_AUTHORITY,
                "missing " + role + " authority of `" + account + "`: weight " + weight + " of threshold " + threshold);
    }

    /** A role's authority judged by its rule, evaluated at depth 0 of the phase's sign_state. */
    private static final class RoleCheck extends Check {
        private final SignState state;
        long tally;

        RoleCheck(int target, SignState state) {
            super(target);
            this.state = state;
        }

        @Override
        public boolean reaches(long threshold) {
            boolean ok = state.checkAuthority(state.policy.program(getTarget()), 0);
            tally = state.lastRootTally;
            return ok;
        }
    }

    /** Hive's sign_state over compiled programs. */
    static final class SignState {
        static final class Counter {
            int loaded;
        }

        final CompiledPolicy policy;
        private final Signatures signatures;
        final String phaseRole;
        final Set<Integer> approved = new HashSet<>();
        private final Counter accountsLoaded;
        long lastRootTally;

        SignState(CompiledPolicy policy, Signatures signatures, String phaseRole, Counter accountsLoaded) {
            this.policy = policy;
            this.signatures = signatures;
            this.phaseRole = phaseRole;
            this.accountsLoaded = accountsLoaded;
        }

        boolean checkAuthority(Program p, int depth) {
            long total = 0;
            int examined = Math.min(p.size(), MAX_AUTHORITY_MEMBERSHIP);
            boolean result = false;
            for (int i = 0; i < examined && !result; i++) {
                if (p.kinds()[i] == Program.KEY) {
                    int slot = signatures.slot(p.refs()[i]);
                    if (slot >= 0) {
                        signatures.used[slot] = true;
                        total += p.weights()[i];
                        result = total >= p.threshold();
                    }
                } else {
                    int account = (int) p.refs()[i];
                    if (approved.contains(account)) {
                        total += p.weights()[i];
                        result = total >= p.threshold();
                    } else if (depth < MAX_SIG_CHECK_DEPTH && account >= 0) {
                        int nested = policy.account(account).program(phaseRole);
                        if (nested >= 0 && ++accountsLoaded.loaded <= MAX_SIG_CHECK_ACCOUNTS
                                && checkAuthority(policy.program(nested), depth + 1)) {
                            approved.add(account);
                            total += p.weights()[i];
                            result = total >= p.threshold();
                        }
                    }
                }
            }
            if (!result) result = total >= p.threshold();
            if (depth == 0) lastRootTally = total;
            return result;
        }
    }
}
