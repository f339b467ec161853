package io.quorate.signatures;

import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.CasperAccount;
import io.quorate.policy.PolicySet;

/**
 * Native transactions name their account as the chain does; a Casper deploy names a public key.
 * This maps such an account to the policy account whose {@code account_hash} it is, so a deploy
 * needs no {@code account} of its own. Names the policy knows are left alone.
 */
public final class OnChainAccounts {

    private OnChainAccounts() {
    }

    /** The policy account {@code account} names or is the on-chain id of; {@code account} itself when none is. */
    public static String policyAccount(PolicySet policy, String account) {
        if (policy.account(account) != null) return account;
        KeyId id;
        try {
            id = KeyFormat.CASPER.decode(account);
        } catch (KeyFormatException e) {
            return account;
        }
        for (Account a : policy.accounts().values()) {
            if (a instanceof CasperAccount casper && id.equals(casper.accountHash())) return casper.name();
        }
        return account;
    }
}
