package io.quorate.chains;

import io.quorate.chains.ft4.Ft4Ids;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.AuthDescriptor;
import io.quorate.policy.CasperAccount;
import io.quorate.policy.Ft4Account;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A transaction may name an account or an FT4 auth descriptor by its on-chain id instead of its
 * policy name: a Casper public key or {@code account-hash-…} (matched against the account's
 * {@code account_hash}), an FT4 account id (its {@code account_id}), an FT4 descriptor id (the GTV
 * hash of the descriptor). This maps such ids to the policy's names, once per policy set.
 */
public final class OnChainNames {

    private final PolicySet policy;
    private final Map<KeyId, String> casperAccounts = new HashMap<>();
    private final Map<String, String> ft4Accounts = new HashMap<>();
    private final Map<String, Map<String, String>> ft4Descriptors = new HashMap<>();

    public OnChainNames(PolicySet policy) {
        this(policy, OnChainIds.of(policy));
    }

    /** From the ids {@link OnChainIds#of(PolicySet)} already computed, so no descriptor is hashed twice. */
    public OnChainNames(PolicySet policy, Map<String, String> ids) {
        this.policy = policy;
        for (Account a : policy.accounts().values()) {
            if (a instanceof CasperAccount casper && casper.accountHash() != null) {
                casperAccounts.putIfAbsent(casper.accountHash(), casper.name());
            } else if (a instanceof Ft4Account ft4) {
                if (ft4.accountId() != null) ft4Accounts.putIfAbsent(hex(ft4.accountId()), ft4.name());
                Map<String, String> byId = new HashMap<>();
                for (AuthDescriptor d : ft4.descriptors()) {
                    String id = ids.get(ft4.name() + "@" + d.name());
                    byId.putIfAbsent(id != null ? hex(id) : Ft4Ids.descriptorId(d), d.name());
                }
                ft4Descriptors.put(ft4.name(), byId);
            }
        }
    }

    /** The transaction with on-chain ids replaced by policy names; names the policy knows are left alone. */
    public Transaction normalize(Transaction tx) {
        if (casperAccounts.isEmpty() && ft4Accounts.isEmpty() && ft4Descriptors.isEmpty()) return tx;
        boolean allKnown = true;
        for (var a : tx.actions()) allKnown &= a.account() == null || policy.account(a.account()) != null;
        Transaction renamed = allKnown ? tx : tx.withAccounts(this::account);
        String descriptor = renamed.authDescriptor();
        if (descriptor == null || renamed.actions().isEmpty()) return renamed;
        Map<String, String> byId = ft4Descriptors.get(renamed.actions().get(0).account());
        if (byId == null || ((Ft4Account) policy.account(renamed.actions().get(0).account())).descriptors().stream()
                .anyMatch(d -> d.name().equals(descriptor))) {
            return renamed;
        }
        String name = byId.get(hex(descriptor));
        return name == null ? renamed : renamed.withAuthDescriptor(name);
    }

    /** The policy account {@code account} names or is the on-chain id of; {@code account} itself when none is. */
    public String account(String account) {
        if (account == null || policy.account(account) != null) return account;
        String ft4 = ft4Accounts.get(hex(account));
        if (ft4 != null) return ft4;
        try {
            KeyId id = KeyFormat.CASPER.decode(account);
            return casperAccounts.getOrDefault(id, account);
        } catch (KeyFormatException e) {
            return account;
        }
    }

    /** Hex as FT4 prints ids: upper case, without {@code 0x} or the {@code x"…"} of Rell. */
    private static String hex(String text) {
        String t = text.trim();
        if (t.startsWith("x\"") && t.endsWith("\"")) t = t.substring(2, t.length() - 1);
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        return t.toUpperCase(Locale.ROOT);
    }
}
