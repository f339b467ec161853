package io.quorate.chain.casper;

import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.Row;
import io.quorate.reference.Verdict;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Casper: {@code can_authorize}, {@code can_deploy_with}, {@code can_manage_keys_with} and
 * {@code can_upgrade_with} (casper-network/casper-node, types/src/account.rs and
 * types/src/addressable_entity.rs), weights summed by {@code AssociatedKeys::calculate_keys_weight}
 * (types/src/account/associated_keys.rs) with u8 saturation.
 */
final class CasperCheck implements ChainCheck {

    static final int MAX_APPROVALS = 100;
    static final int MAX_WEIGHT = 255;

    private final PolicySet policy;

    CasperCheck(PolicySet policy) {
        this.policy = policy;
    }

    @Override
    public Verdict check(Transaction transaction, List<KeyRef> keys) {
        List<Row> rows = new ArrayList<>();
        Set<KeyId> used = new HashSet<>();
        int focus = -1;
        for (ActionRequest action : transaction.actions()) {
            Row row = new Row(action);
            rows.add(row);
            checkAction(action, row, keys, used);
            if (row.denied != null && focus < 0) focus = rows.size() - 1;
        }
        if (focus >= 0) return Verdict.deny(rows, rows.get(focus).denied, focus, used);
        return Verdict.allow(rows, used);
    }

    private void checkAction(ActionRequest action, Row row, List<KeyRef> keys, Set<KeyId> used) {
        if (!(policy.account(action.account()) instanceof CasperAccount account)) {
            row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "`: not in the policy");
            return;
        }
        String name = action.action();
        if (name == null || account.threshold(name) < 0) {
            row.deny(ReasonCode.UNKNOWN_ACTION, "casper " + (account.version() >= 2 ? "2.0" : "1.x")
                    + " knows no action `" + action.actionLabel() + "`");
            return;
        }
        String acct = action.account();
        row.required = acct + "@deployment";
        row.threshold = account.deployment();
        if (keys.isEmpty()) {
            row.deny(ReasonCode.NO_SIGNATURES, "a deploy needs at least one approval");
            return;
        }
        if (keys.size() > MAX_APPROVALS) {
            row.deny(ReasonCode.TOO_MANY_SIGNATURES, "a deploy carries at most " + MAX_APPROVALS
                    + " approvals, this one has " + keys.size());
            return;
        }
        int weight = 0;
        int associatedSigners = 0;
        List<String> strangers = new ArrayList<>();
        for (KeyRef k : keys) {
            Integer w = weightOf(account, k.id());
            if (w == null) {
                strangers.add(k.label());
                continue;
            }
            associatedSigners++;
            used.add(k.id());
            weight = Math.min(MAX_WEIGHT, weight + w);
        }
        row.weight = weight;
        boolean authorized = account.version() >= 2 ? associatedSigners > 0 : strangers.isEmpty();
        if (!authorized) {
            row.deny(ReasonCode.UNKNOWN_SIGNER, account.version() >= 2
                    ? "account `" + acct + "`: no signer is an associated key"
                    : "account `" + acct + "`: casper 1.x rejects signers that are not associated keys: `"
                            + String.join("`, `", strangers) + "`");
            return;
        }
        if (weight < account.deployment()) {
            row.deny(ReasonCode.UNSATISFIED_AUTHORITY, "account `" + acct + "`: weight " + weight
                    + " is below the deployment threshold " + account.deployment());
            return;
        }
        String kind = switch (name) {
            case "key_management" -> "key_management";
            case "upgrade_management" -> "upgrade_management";
            default -> "deployment";
        };
        if (!kind.equals("deployment")) {
            row.required = acct + "@" + kind;
            row.threshold = account.threshold(name);
            if (weight < row.threshold) {
                row.deny(ReasonCode.UNSATISFIED_AUTHORITY, "account `" + acct + "`: weight " + weight
                        + " is below the " + kind + " threshold " + row.threshold);
                return;
            }
        }
        row.confirmed = true;
        row.satisfiedBy = row.required;
    }

    private static Integer weightOf(CasperAccount account, KeyId id) {
        for (KeyWeight k : account.keys()) {
            if (k.key().id().equals(id)) return k.weight();
        }
        return null;
    }
}
