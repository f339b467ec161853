package io.quorate.chain.hive;

import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.Row;
import io.quorate.reference.Verdict;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Hive: {@code verify_authority} (libraries/protocol/transaction_util.cpp) over {@code sign_state}
 * (libraries/protocol/include/hive/protocol/sign_state.hpp), in both the HF28 rules and the older ones.
 */
final class HiveCheck implements ChainCheck {

    static final int MAX_SIG_CHECK_DEPTH = 2;
    static final int MAX_AUTHORITY_MEMBERSHIP = 40;
    static final int MAX_SIG_CHECK_ACCOUNTS = 125;

    private final PolicySet policy;

    HiveCheck(PolicySet policy) {
        this.policy = policy;
    }

    @Override
    public Verdict check(Transaction transaction, List<KeyRef> keys) {
        List<Row> rows = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        Reason firstFailure = null;
        int focus = 0;
        for (ActionRequest action : transaction.actions()) {
            Row row = new Row(action);
            rows.add(row);
            String role = action.action() == null ? null : HiveOperations.role(action.action());
            roles.add(role);
            if (!(policy.account(action.account()) instanceof HiveAccount)) {
                row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "`: not in the policy");
            } else if (role == null) {
                row.deny(ReasonCode.UNKNOWN_ACTION, "operation `" + action.actionLabel()
                        + "` is not one whose required role is known");
            } else {
                row.required = action.account() + "@" + role;
                row.threshold = thresholdOf(role(action.account(), role));
            }
            if (row.denied != null && firstFailure == null) {
                firstFailure = row.denied;
                focus = rows.size() - 1;
            }
        }
        if (firstFailure != null) return Verdict.deny(rows, firstFailure, focus, Set.of());

        HiveAccount first = (HiveAccount) policy.account(transaction.actions().get(0).account());
        boolean hf28 = first.hardfork() >= 28;

        TreeSet<String> posting = new TreeSet<>();
        TreeSet<String> active = new TreeSet<>();
        TreeSet<String> owner = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String account = rows.get(i).request.account();
            switch (roles.get(i)) {
                case "posting" -> posting.add(account);
                case "active" -> active.add(account);
                default -> owner.add(account);
            }
        }

        SignState s = new SignState(keys, hf28);
        if (!posting.isEmpty()) {
            if (!hf28 && !(active.isEmpty() && owner.isEmpty())) {
                return Verdict.denyAll(rows, new Reason(ReasonCode.COMBINED_POSTING_AUTHORITY,
                        "before hardfork 28 a transaction cannot mix posting operations with active or owner ones"),
                        Set.of());
            }
            s.getter = name -> role(name, "posting");
            for (String id : posting) {
                Check c = hf28 ? s.checkAccount(id, "posting")
                        : firstPassing(s.checkAccount(id, "posting"),
                                () -> s.checkRole(role(id, "active"), "active"),
                                () -> s.checkRole(role(id, "owner"), "owner"));
                Verdict failed = record(rows, roles, id, "posting", c, s);
                if (failed != null) return failed;
            }
            if (!hf28) {
                Verdict v = unusedSignatures(rows, keys, s);
                if (v != null) return v;
                return Verdict.allow(rows, s.used());
            }
        }

        s.getter = name -> role(name, "active");
        s.approvedBy.clear();
        for (String id : active) {
            Check c = hf28 ? s.checkAccount(id, "active")
                    : firstPassing(s.checkAccount(id, "active"), () -> s.checkRole(role(id, "owner"), "owner"));
            Verdict failed = record(rows, roles, id, "active", c, s);
            if (failed != null) return failed;
        }
        for (String id : owner) {
            Check c = s.checkRole(role(id, "owner"), "owner");
            Verdict failed = record(rows, roles, id, "owner", c, s);
            if (failed != null) return failed;
        }
        if (!hf28) {
            Verdict v = unusedSignatures(rows, keys, s);
            if (v != null) return v;
        }
        return Verdict.allow(rows, s.used());
    }

    /** The outcome of checking one required role: the role that answered and its root tally. */
    record Check(boolean satisfied, String role, long weight, long threshold) {
    }

    /** Pre-HF28 fallbacks: the first alternative that passes, else the first (the required role's) result. */
    @SafeVarargs
    private static Check firstPassing(Check first, java.util.function.Supplier<Check>... others) {
        if (first.satisfied()) return first;
        for (var other : others) {
            Check c = other.get();
            if (c.satisfied()) return c;
        }
        return first;
    }

    private static Verdict record(List<Row> rows, List<String> roles, String account, String role, Check c,
                                  SignState s) {
        int first = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.request.account().equals(account) || !roles.get(i).equals(role)) continue;
            if (first < 0) first = i;
            row.weight = c.weight();
            row.threshold = c.threshold();
            if (c.satisfied()) {
                row.confirmed = true;
                row.satisfiedBy = account + "@" + c.role();
            } else {
                row.deny(ReasonCode.UNSATISFIED_AUTHORITY, "account `" + account + "`: role `" + role
                        + "`: the signatures reach weight " + c.weight() + " of " + c.threshold());
            }
        }
        return c.satisfied() ? null : Verdict.deny(rows, rows.get(first).denied, first, s.used());
    }

    private static Verdict unusedSignatures(List<Row> rows, List<KeyRef> keys, SignState s) {
        List<String> unused = new ArrayList<>();
        for (KeyRef k : keys) {
            if (!s.used().contains(k.id())) unused.add(k.label());
        }
        if (unused.isEmpty()) return null;
        return Verdict.denyAll(rows, new Reason(ReasonCode.IRRELEVANT_SIGNATURE,
                "before hardfork 28 unnecessary signatures fail the transaction: `" + String.join("`, `", unused)
                        + "`"), s.used());
    }

    /** A role of an account; an account or role the policy lacks is an authority nobody can satisfy. */
    private Authority role(String account, String role) {
        Authority a = policy.account(account) instanceof HiveAccount hive ? hive.role(role) : null;
        return a != null ? a : new Authority(role, 1, List.of(), List.of(), List.of(), null, null, null);
    }

    private static long thresholdOf(Authority a) {
        return a.threshold();
    }

    /** The chain's {@code sign_state}: signature marks without rollback, approved accounts, limits. */
    private static final class SignState {
        final List<KeyRef> keys;
        final boolean[] usedMarks;
        final boolean strictAndMixed;
        final Set<String> approvedBy = new HashSet<>();
        Function<String, Authority> getter;
        long accountAuthCount = 0;
        long rootTally;

        SignState(List<KeyRef> keys, boolean strictAndMixed) {
            this.keys = keys;
            this.usedMarks = new boolean[keys.size()];
            this.strictAndMixed = strictAndMixed;
        }

        Set<KeyId> used() {
            Set<KeyId> out = new HashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if (usedMarks[i]) out.add(keys.get(i).id());
            }
            return out;
        }

        /** {@code check_authority(id)}: through the phase's role, or already approved. */
        Check checkAccount(String id, String role) {
            Authority auth = getter.apply(id);
            if (approvedBy.contains(id)) return new Check(true, role, auth.threshold(), auth.threshold());
            if (strictAndMixed) accountAuthCount++;
            else accountAuthCount = 1;
            rootTally = 0;
            boolean ok = checkImpl(auth, 0, true);
            return new Check(ok, role, rootTally, auth.threshold());
        }

        /** {@code check_authority(authority)}: a given role's authority at the root. */
        Check checkRole(Authority auth, String role) {
            if (!strictAndMixed) accountAuthCount = 0;
            rootTally = 0;
            boolean ok = checkImpl(auth, 0, true);
            return new Check(ok, role, rootTally, auth.threshold());
        }

        private boolean signedBy(KeyId key) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).id().equals(key)) {
                    usedMarks[i] = true;
                    return true;
                }
            }
            return false;
        }

        /** {@code check_authority_impl}: keys in key order, then accounts in name order; stop at the threshold. */
        private boolean checkImpl(Authority auth, int depth, boolean root) {
            long total = 0;
            int membership = 0;
            List<KeyWeight> keyAuths = new ArrayList<>(auth.keys());
            keyAuths.sort(Comparator.comparing((KeyWeight k) -> k.key().id()));
            for (KeyWeight k : keyAuths) {
                if (signedBy(k.key().id())) {
                    total += k.weight();
                    if (root) rootTally = total;
                    if (total >= auth.threshold()) return true;
                }
                membership++;
                if (membership >= MAX_AUTHORITY_MEMBERSHIP) return false;
            }
            List<AccountWeight> accountAuths = new ArrayList<>(auth.accounts());
            accountAuths.sort(Comparator.comparing(AccountWeight::account));
            for (AccountWeight a : accountAuths) {
                if (!approvedBy.contains(a.account())) {
                    if (depth == MAX_SIG_CHECK_DEPTH) continue;
                    if (accountAuthCount >= MAX_SIG_CHECK_ACCOUNTS) return false;
                    accountAuthCount++;
                    if (checkImpl(getter.apply(a.account()), depth + 1, false)) {
                        approvedBy.add(a.account());
                        total += a.weight();
                        if (root) rootTally = total;
                        if (total >= auth.threshold()) return true;
                    }
                } else {
                    total += a.weight();
                    if (root) rootTally = total;
                    if (total >= auth.threshold()) return true;
                }
                membership++;
                if (membership >= MAX_AUTHORITY_MEMBERSHIP) return false;
            }
            return total >= auth.threshold();
        }
    }
}
