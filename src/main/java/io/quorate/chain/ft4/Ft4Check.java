package io.quorate.chain.ft4;

import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.Row;
import io.quorate.reference.Verdict;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chromia FT4: {@code authenticate_and_return_context} (rell/src/lib/ft4/core/auth/authentication.rell),
 * rules from rell/src/lib/ft4/core/accounts/auth_descriptor_rule_validation.rell, flags and signatures
 * from {@code check_single_sig_auth} / {@code check_multi_sig_auth} (core/accounts/auth_basic.rell).
 */
final class Ft4Check implements ChainCheck {

    private final PolicySet policy;

    Ft4Check(PolicySet policy) {
        this.policy = policy;
    }

    @Override
    public Verdict check(Transaction transaction, List<KeyRef> keys) {
        Set<KeyId> signed = new HashSet<>();
        for (KeyRef k : keys) signed.add(k.id());
        List<Row> rows = new ArrayList<>();
        Set<KeyId> used = new HashSet<>();
        int focus = -1;
        for (ActionRequest action : transaction.actions()) {
            Row row = new Row(action);
            rows.add(row);
            checkAction(transaction, action, row, signed, used);
            if (row.denied != null && focus < 0) focus = rows.size() - 1;
        }
        if (focus >= 0) return Verdict.deny(rows, rows.get(focus).denied, focus, used);
        return Verdict.allow(rows, used);
    }

    private void checkAction(Transaction tx, ActionRequest action, Row row, Set<KeyId> signed, Set<KeyId> used) {
        if (!(policy.account(action.account()) instanceof Ft4Account account)) {
            row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "`: not in the policy");
            return;
        }
        List<String> flags = requiredFlags(action);
        if (flags == null) {
            row.deny(ReasonCode.UNKNOWN_ACTION, "ft4 operation `" + action.actionLabel()
                    + "`: its flags are unknown; write `{flags: [...]}`");
            return;
        }
        String acct = action.account();
        if (tx.authDescriptor() != null) {
            AuthDescriptor d = find(account, tx.authDescriptor());
            if (d == null) {
                row.required = acct + "@" + tx.authDescriptor();
                row.deny(ReasonCode.UNKNOWN_DESCRIPTOR, "account `" + acct + "`: no auth descriptor `"
                        + tx.authDescriptor() + "`");
                return;
            }
            Reason failure = authenticate(d, flags, tx.context(), signed);
            report(row, acct, d, failure, signed, used);
            return;
        }
        // No descriptor named: the first one that would authenticate, else the first one with the flags.
        AuthDescriptor firstWithFlags = null;
        Reason firstWithFlagsFailure = null;
        for (AuthDescriptor d : account.descriptors()) {
            Reason failure = authenticate(d, flags, tx.context(), signed);
            if (failure == null) {
                report(row, acct, d, null, signed, used);
                return;
            }
            if (firstWithFlags == null && d.flags().containsAll(flags)) {
                firstWithFlags = d;
                firstWithFlagsFailure = failure;
            }
        }
        if (firstWithFlags != null) {
            report(row, acct, firstWithFlags, firstWithFlagsFailure, signed, used);
            return;
        }
        row.required = acct + " flags " + flags;
        row.deny(ReasonCode.MISSING_FLAGS, "account `" + acct + "`: no auth descriptor has the flags " + flags);
    }

    private static void report(Row row, String acct, AuthDescriptor d, Reason failure, Set<KeyId> signed,
                               Set<KeyId> used) {
        Set<KeyId> signers = new LinkedHashSet<>();
        for (KeyRef s : d.signers()) {
            if (signed.contains(s.id())) signers.add(s.id());
        }
        used.addAll(signers);
        row.required = acct + "@" + d.name();
        row.weight = signers.size();
        row.threshold = d.required();
        if (failure == null) {
            row.confirmed = true;
            row.satisfiedBy = row.required;
        } else {
            row.deny(failure.code(), "account `" + acct + "`: auth descriptor `" + d.name() + "`: "
                    + failure.message());
        }
    }

    /** The checks in the chain's order: rules, then flags, then signatures. Null when all pass. */
    static Reason authenticate(AuthDescriptor d, List<String> flags, Context context, Set<KeyId> signed) {
        Reason rules = rules(d.rules(), context);
        if (rules != null) return rules;
        if (!d.flags().containsAll(flags)) {
            return new Reason(ReasonCode.MISSING_FLAGS, "has flags " + d.flags() + ", the operation needs " + flags);
        }
        if (!d.multiSig()) {
            return d.signers().size() == 1 && signed.contains(d.signers().get(0).id()) ? null
                    : new Reason(ReasonCode.UNSATISFIED_AUTHORITY, "its signer did not sign");
        }
        int needed = d.required();
        Set<KeyId> counted = new HashSet<>();
        for (KeyRef s : d.signers()) {
            if (signed.contains(s.id()) && counted.add(s.id())) {
                needed--;
                if (needed < 1) return null;
            }
        }
        return new Reason(ReasonCode.UNSATISFIED_AUTHORITY, counted.size() + " of its signers signed, "
                + d.required() + " required");
    }

    /**
     * {@code have_violating_rules}: any comparison that does not hold blocks the descriptor. It is
     * expired when every rule is also active ({@code are_rules_active}, the test the chain uses to
     * delete descriptors), otherwise not yet valid. A variable the context lacks holds for no rule
     * and makes its rule inactive.
     */
    static Reason rules(Ft4Rule rule, Context context) {
        if (rule == null) return null;
        boolean violated = false;
        boolean allActive = true;
        for (Ft4Rule.Comparison c : rule.comparisons()) {
            if (!c.holdsAt(context)) violated = true;
            if (!c.isActiveAt(context)) allActive = false;
        }
        if (!violated) return null;
        return allActive
                ? new Reason(ReasonCode.DESCRIPTOR_EXPIRED, "its rules have expired")
                : new Reason(ReasonCode.DESCRIPTOR_NOT_YET_VALID, "its rules are not yet in force");
    }

    private static List<String> requiredFlags(ActionRequest action) {
        if (action.flags() != null) return action.flags();
        if (action.action() == null) return null;
        return switch (action.action()) {
            case "transfer" -> List.of("T");
            case "account" -> List.of("A");
            default -> null;
        };
    }

    private static AuthDescriptor find(Ft4Account account, String name) {
        for (AuthDescriptor d : account.descriptors()) {
            if (d.name().equals(name)) return d;
        }
        return null;
    }
}
