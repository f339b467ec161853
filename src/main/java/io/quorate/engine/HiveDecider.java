package io.quorate.engine;

import io.quorate.chain.hive.HiveAccount;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hive's verify_authority: the required accounts of each role (in name order, as the chain's sets
 * are), a posting phase then an active/owner phase over one sign_state (keys before accounts, no
 * rollback, nested accounts through the phase's role, depth 2, membership 40, 125 account loads).
 * From hardfork 28 each role stands alone and unused signatures are allowed; before it higher
 * roles stand in for lower ones, posting may not be mixed, and unused signatures fail.
 */
final class HiveDecider implements ChainDecider {

    static final int MAX_SIG_CHECK_DEPTH = 2;
    static final int MAX_AUTHORITY_MEMBERSHIP = 40;
    static final int MAX_SIG_CHECK_ACCOUNTS = 125;

    @Override
    public Verdict decide(Request request) {
        CompiledPolicy policy = request.policy();
        List<ActionResult> results = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (ActionRequest a : request.tx().actions()) {
            ActionResult r = new ActionResult(a);
            results.add(r);
            String role = a.action() == null ? null : HiveOperations.role(a.action());
            roles.add(role);
            CompiledAccount account = policy.account(a.account());
            if (account == null || !(account.source() instanceof HiveAccount)) {
                r.fail(ReasonCode.UNKNOWN_ACCOUNT, "account `" + a.account() + "` is not a hive account of the policy");
            } else if (role == null) {
                r.fail(ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not a hive operation whose role quorate knows");
            } else {
                r.required = a.account() + "@" + role;
                r.threshold = threshold(policy, account.program(role));
            }
        }
        Verdict failed = Verdict.firstFailure(results);
        if (failed.denial() != null) return failed;

        HiveAccount first = (HiveAccount) policy.account(request.tx().actions().get(0).account()).source();
        boolean hf28 = first.hardfork() >= 28;
        TreeSet<String> posting = new TreeSet<>();
        TreeSet<String> active = new TreeSet<>();
        TreeSet<String> owner = new TreeSet<>();
        for (int i = 0; i < results.size(); i++) {
            String account = results.get(i).request.account();
            switch (roles.get(i)) {
                case "posting" -> posting.add(account);
                case "active" -> active.add(account);
                default -> owner.add(account);
            }
        }
        SignState s = new SignState(policy, request.signatures(), hf28);
        if (!posting.isEmpty()) {
            if (!hf28 && !(active.isEmpty() && owner.isEmpty())) {
                return Verdict.denyAll(results, ChainDecider.reason(ReasonCode.COMBINED_POSTING_AUTHORITY,
                        "before hardfork 28 a transaction cannot mix posting operations with active or owner ones"));
            }
            s.phaseRole = "posting";
            for (String id : posting) {
                RoleResult c = s.checkAccount(request, id);
                if (!hf28 && !c.satisfied) c = firstPassing(c, s.checkRole(request, id, "active"));
                if (!hf28 && !c.satisfied) c = firstPassing(c, s.checkRole(request, id, "owner"));
                Verdict v = record(results, roles, id, "posting", c);
                if (v != null) return v;
            }
            if (!hf28) return unusedSignatures(request, results);
        }
        s.phaseRole = "active";
        s.approved.clear();
        for (String id : active) {
            RoleResult c = s.checkAccount(request, id);
            if (!hf28 && !c.satisfied) c = firstPassing(c, s.checkRole(request, id, "owner"));
            Verdict v = record(results, roles, id, "active", c);
            if (v != null) return v;
        }
        for (String id : owner) {
            Verdict v = record(results, roles, id, "owner", s.checkRole(request, id, "owner"));
            if (v != null) return v;
        }
        return hf28 ? Verdict.allow(results) : unusedSignatures(request, results);
    }

    /** A missing role is an authority nobody can satisfy: threshold 1, no entries. */
    private static long threshold(CompiledPolicy policy, int program) {
        return program < 0 ? 1 : policy.program(program).threshold();
    }

    /** The outcome of checking one required role: the role that answered and its root tally. */
    private record RoleResult(boolean satisfied, String role, long weight, long threshold) {
    }

    /** Before HF28 a higher role may stand in; when none does, the required role's own result is reported. */
    private static RoleResult firstPassing(RoleResult required, RoleResult alternative) {
        return alternative.satisfied ? alternative : required;
    }

    private static Verdict record(List<ActionResult> results, List<String> roles, String account, String role, RoleResult c) {
        int first = -1;
        for (int i = 0; i < results.size(); i++) {
            ActionResult r = results.get(i);
            if (!r.request.account().equals(account) || !roles.get(i).equals(role)) continue;
            if (first < 0) first = i;
            r.weight = c.weight;
            r.threshold = c.threshold;
            if (c.satisfied) {
                r.satisfy(account + "@" + c.role);
            } else {
                r.fail(ReasonCode.UNSATISFIED_AUTHORITY, "missing " + role + " authority of `" + account + "`: weight "
                        + c.weight + " of threshold " + c.threshold);
            }
        }
        return c.satisfied ? null : Verdict.deny(results, first);
    }

    private static Verdict unusedSignatures(Request request, List<ActionResult> results) {
        if (request.signatures().allUsed()) return Verdict.allow(results);
        return Verdict.denyAll(results, ChainDecider.reason(ReasonCode.IRRELEVANT_SIGNATURE,
                "before hardfork 28 unnecessary signatures fail the transaction: "
                        + String.join(", ", request.signatures().unusedLabels())));
    }

    /** Hive's sign_state over compiled programs: marks without rollback, approved accounts, limits. */
    static final class SignState {
        final CompiledPolicy policy;
        private final Signatures signatures;
        private final boolean hf28;
        final Set<Integer> approved = new HashSet<>();
        String phaseRole;
        private long accountAuthCount;
        private long rootTally;

        SignState(CompiledPolicy policy, Signatures signatures, boolean hf28) {
            this.policy = policy;
            this.signatures = signatures;
            this.hf28 = hf28;
        }

        /** {@code check_authority(id)}: already approved, or the account's role of this phase. */
        RoleResult checkAccount(Request request, String id) {
            CompiledAccount account = policy.account(id);
            int program = account.program(phaseRole);
            long threshold = threshold(policy, program);
            if (approved.contains(account.index())) return new RoleResult(true, phaseRole, threshold, threshold);
            accountAuthCount = hf28 ? accountAuthCount + 1 : 1;
            return root(request, program, phaseRole, threshold);
        }

        /** {@code check_authority(authority)}: a given role's authority at the root. */
        RoleResult checkRole(Request request, String id, String role) {
            int program = policy.account(id).program(role);
            if (!hf28) accountAuthCount = 0;
            return root(request, program, role, threshold(policy, program));
        }

        private RoleResult root(Request request, int program, String role, long threshold) {
            rootTally = 0;
            boolean ok = false;
            if (program >= 0) {
                Program p = policy.program(program);
                ok = request.rules().judge(new RuleCheck(program, t -> checkImpl(p, 0)));
            }
            return new RoleResult(ok, role, rootTally, threshold);
        }

        /** {@code check_authority_impl}: keys in key order, then accounts in name order; stop at the threshold. */
        boolean checkImpl(Program p, int depth) {
            long total = 0;
            int membership = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.kinds()[i] == Program.KEY) {
                    if (signatures.slot(p.refs()[i]) >= 0) {
                        signatures.used[signatures.slot(p.refs()[i])] = true;
                        total += p.weights()[i];
                        if (depth == 0) rootTally = total;
                        if (total >= p.threshold()) return true;
                    }
                } else {
                    int account = (int) p.refs()[i];
                    if (!approved.contains(account)) {
                        if (depth == MAX_SIG_CHECK_DEPTH) continue;
                        if (accountAuthCount >= MAX_SIG_CHECK_ACCOUNTS) return false;
                        accountAuthCount++;
                        int nested = account < 0 ? -1 : policy.account(account).program(phaseRole);
                        if (nested >= 0 && checkImpl(policy.program(nested), depth + 1)) {
                            approved.add(account);
                            total += p.weights()[i];
                            if (depth == 0) rootTally = total;
                            if (total >= p.threshold()) return true;
                        }
                    } else {
                        total += p.weights()[i];
                        if (depth == 0) rootTally = total;
                        if (total >= p.threshold()) return true;
                    }
                }
                if (++membership >= MAX_AUTHORITY_MEMBERSHIP) return false;
            }
            return total >= p.threshold();
        }
    }
}
