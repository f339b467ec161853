package io.quorate.chain.generic;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Any weighted-threshold scheme. An authority is satisfied when it is inside its validity window and
 * every present key and satisfied account reference together reach its threshold (no early exit),
 * or else when its parent is satisfied. Keys of an authority that fails are not counted as used.
 */
final class GenericCheck implements ChainCheck {

    private final PolicySet policy;

    GenericCheck(PolicySet policy) {
        this.policy = policy;
    }

    /** The answer for one authority: satisfied or not, by which authority, with its tally. */
    private record Result(boolean satisfied, String by, long weight, long threshold) {
    }

    private final class Evaluation {
        final Set<KeyId> signed;
        final Set<KeyId> used;
        final Instant time;
        final int maxDepth;

        Evaluation(Set<KeyId> signed, Set<KeyId> used, Instant time, int maxDepth) {
            this.signed = signed;
            this.used = used;
            this.time = time;
            this.maxDepth = maxDepth;
        }

        /** {@code stack} holds the authorities being evaluated, as {@code account@authority}. */
        Result satisfied(String account, String name, int depth, Set<String> stack) {
            GenericAccount acct = (GenericAccount) policy.account(account);
            Authority auth = acct.authorities().get(name);
            String label = account + "@" + name;
            stack.add(label);
            try {
                Set<KeyId> saved = new HashSet<>(used);
                long tally = 0;
                boolean inWindow = auth.valid() == null || auth.valid().contains(time);
                if (inWindow) {
                    for (KeyWeight k : auth.keys()) {
                        if (signed.contains(k.key().id())) {
                            used.add(k.key().id());
                            tally += k.weight();
                        }
                    }
                    for (AccountWeight a : auth.accounts()) {
                        if (reference(a, depth, stack)) tally += a.weight();
                    }
                    if (tally >= auth.threshold()) return new Result(true, label, tally, auth.threshold());
                }
                used.retainAll(saved);
                String parent = auth.parent();
                if (parent != null && acct.authorities().containsKey(parent)
                        && !stack.contains(account + "@" + parent)) {
                    Result p = satisfied(account, parent, depth, stack);
                    if (p.satisfied()) return p;
                }
                return new Result(false, null, tally, auth.threshold());
            } finally {
                stack.remove(label);
            }
        }

        private boolean reference(AccountWeight a, int depth, Set<String> stack) {
            if (a.authority() == null || depth >= maxDepth) return false;
            if (!(policy.account(a.account()) instanceof GenericAccount target)) return false;
            if (!target.authorities().containsKey(a.authority())) return false;
            if (stack.contains(a.account() + "@" + a.authority())) return false;
            return satisfied(a.account(), a.authority(), depth + 1, stack).satisfied();
        }
    }

    @Override
    public Verdict check(Transaction transaction, List<KeyRef> keys) {
        Set<KeyId> signed = new HashSet<>();
        for (KeyRef k : keys) signed.add(k.id());
        Instant time = transaction.context().time() != null ? transaction.context().time() : Instant.now();
        Set<KeyId> used = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        int focus = -1;
        for (ActionRequest action : transaction.actions()) {
            Row row = new Row(action);
            rows.add(row);
            checkAction(action, row, signed, used, time);
            if (row.denied != null && focus < 0) focus = rows.size() - 1;
        }
        if (focus >= 0) return Verdict.deny(rows, rows.get(focus).denied, focus, used);
        return Verdict.allow(rows, used);
    }

    private void checkAction(ActionRequest action, Row row, Set<KeyId> signed, Set<KeyId> used, Instant time) {
        if (!(policy.account(action.account()) instanceof GenericAccount account)) {
            row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "`: not in the policy");
            return;
        }
        String name = action.action();
        String authority = name == null ? null : account.actions().get(name);
        if (authority == null && name != null) authority = account.actions().get("*");
        if (authority == null && name != null && account.authorities().containsKey(name)) authority = name;
        if (authority == null) {
            row.deny(ReasonCode.UNKNOWN_ACTION, "account `" + action.account() + "`: no authority is mapped to `"
                    + action.actionLabel() + "`");
            return;
        }
        String acct = action.account();
        row.required = acct + "@" + authority;
        Authority required = account.authorities().get(authority);
        if (required == null) {
            row.deny(ReasonCode.UNKNOWN_AUTHORITY, "account `" + acct + "`: action `" + name
                    + "` needs authority `" + authority + "`, which does not exist");
            return;
        }
        Evaluation e = new Evaluation(signed, used, time, account.maxDepth());
        Result r = e.satisfied(acct, authority, 1, new LinkedHashSet<>());
        row.weight = r.weight();
        row.threshold = r.threshold();
        if (r.satisfied()) {
            row.confirmed = true;
            row.satisfiedBy = r.by();
            return;
        }
        boolean inWindow = required.valid() == null || required.valid().contains(time);
        if (!inWindow) {
            row.deny(ReasonCode.AUTHORITY_NOT_VALID, "account `" + acct + "`: authority `" + authority
                    + "` is not valid at " + time);
        } else {
            row.deny(ReasonCode.UNSATISFIED_AUTHORITY, "account `" + acct + "`: authority `" + authority
                    + "`: the signatures reach weight " + r.weight() + " of " + r.threshold());
        }
    }
}
