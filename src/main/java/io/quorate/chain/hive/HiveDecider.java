package io.quorate.chain.hive;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.engine.ActionResult;
import io.quorate.engine.ChainDecider;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Request;
import io.quorate.engine.Verdict;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import io.quorate.yaml.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Hive's verify_authority: the required accounts of each role (in name order, as the chain's sets
 * are), a posting phase then an active/owner phase over one sign_state (keys before accounts, no
 * rollback, nested accounts through the phase's role, depth 2, membership 40, 125 account loads).
 * From hardfork 28 each role stands alone and unused signatures are allowed; before it higher
 * roles stand in for lower ones, posting may not be mixed, and unused signatures fail.
 */
public final class HiveDecider implements ChainDecider {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    /** A key that signs twice fails the transaction. */
    @Override
    public boolean rejectsDuplicateSignatures() {
        return true;
    }

    /** Hive's account entries name accounts, not authorities. */
    @Override
    public int referencedAccount(CompiledPolicy policy, Entry reference) {
        return (int) reference.ref();
    }

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
                String suggestion = a.action() == null ? null : Suggest.didYouMean(a.action(), HiveOperations.names());
                r.fail(ReasonCode.UNKNOWN_ACTION, "`" + a.actionLabel() + "` is not a hive operation whose role quorate knows"
                        + (suggestion == null ? "" : ": " + suggestion));
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
        HiveSignState s = new HiveSignState(policy, request.signatures(), hf28);
        if (!posting.isEmpty()) {
            if (!hf28 && !(active.isEmpty() && owner.isEmpty())) {
                return Verdict.denyAll(results, ChainDecider.reason(ReasonCode.COMBINED_POSTING_AUTHORITY,
                        "before hardfork 28 a transaction cannot mix posting operations with active or owner ones"));
            }
            s.phase("posting");
            for (String id : posting) {
                RoleResult c = standIns(request, s, id, "posting", first.hardfork(), checkAccount(request, s, id));
                Verdict v = record(results, roles, id, "posting", c);
                if (v != null) return v;
            }
            if (!hf28) return unusedSignatures(request, results);
        }
        s.phase("active");
        for (String id : active) {
            RoleResult c = standIns(request, s, id, "active", first.hardfork(), checkAccount(request, s, id));
            Verdict v = record(results, roles, id, "active", c);
            if (v != null) return v;
        }
        for (String id : owner) {
            Verdict v = record(results, roles, id, "owner", checkRole(request, s, id, "owner"));
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

    /**
     * The required role's result, or before HF28 the first higher role that stands in for it
     * ({@link HiveOperations#actingFor}); when none does, the required role's own result is reported.
     */
    private static RoleResult standIns(Request request, HiveSignState s, String id, String role, int hardfork, RoleResult required) {
        List<String> acting = HiveOperations.actingFor(role, hardfork);
        for (String higher : acting.subList(1, acting.size())) {
            if (required.satisfied) return required;
            RoleResult alternative = checkRole(request, s, id, higher);
            if (alternative.satisfied) return alternative;
        }
        return required;
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

    /** {@code check_authority(id)}: already approved, or the account's role of this phase. */
    private static RoleResult checkAccount(Request request, HiveSignState s, String id) {
        CompiledAccount account = request.policy().account(id);
        int program = account.program(s.phaseRole());
        long threshold = threshold(request.policy(), program);
        if (s.approved(account.index())) return new RoleResult(true, s.phaseRole(), threshold, threshold);
        s.loadAccount();
        return root(request, s, program, s.phaseRole(), threshold);
    }

    /** {@code check_authority(authority)}: a given role's authority at the root. */
    private static RoleResult checkRole(Request request, HiveSignState s, String id, String role) {
        int program = request.policy().account(id).program(role);
        s.loadRole();
        return root(request, s, program, role, threshold(request.policy(), program));
    }

    private static RoleResult root(Request request, HiveSignState s, int program, String role, long threshold) {
        boolean ok = program >= 0 && request.judge(new HiveAuthorityCheck(program, s));
        return new RoleResult(ok, role, program >= 0 ? s.rootTally() : 0, threshold);
    }
}
