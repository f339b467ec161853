package io.quorate.signatures;

import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.CasperAccount;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Native transactions name their account as the chain does; a Casper deploy names a public key.
 * This maps such an account to the policy account whose {@code account_hash} it is, so a deploy
 * needs no {@code account} of its own. Names the policy knows are left alone.
 */
public final class OnChainAccounts {

    private OnChainAccounts() {
    }

    /** {@code tx} with each action's on-chain account replaced by the policy account it is, where one is. */
    public static Transaction named(PolicySet policy, Transaction tx) {
        List<ActionRequest> actions = new ArrayList<>();
        boolean changed = false;
        for (ActionRequest a : tx.actions()) {
            String name = policy.account(a.account()) != null ? a.account() : casperAccount(policy, a.account());
            if (name != null && !name.equals(a.account())) {
                actions.add(new ActionRequest(name, a.action(), a.flags(), a.authorization(), a.at()));
                changed = true;
            } else {
                actions.add(a);
            }
        }
        if (!changed) return tx;
        return new Transaction(tx.id(), actions, tx.signatures(), tx.approvals(), tx.authDescriptor(), tx.context(),
                tx.expected(), tx.at(), tx.evidence());
    }

    private static String casperAccount(PolicySet policy, String text) {
        KeyId id;
        try {
            id = KeyFormat.CASPER.decode(text);
        } catch (KeyFormatException e) {
            return null;
        }
        for (Account account : policy.accounts().values()) {
            if (account instanceof CasperAccount casper && id.equals(casper.accountHash())) return casper.name();
        }
        return null;
    }
}
