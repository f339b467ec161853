package io.quorate.chains;

import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A transaction may name an account or an authority by its on-chain id instead of its policy
 * name: a Casper public key or {@code account-hash-…} (matched against the account's
 * {@code account_hash}), an FT4 account id (its {@code account_id}), an FT4 descriptor id (the GTV
 * hash of the descriptor). This maps such ids to the policy's names, once per policy set; each
 * chain's {@link ChainIds} says how its ids compare.
 */
public final class OnChainNames {

    private final PolicySet policy;
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, Map<String, String>> authorities = new HashMap<>();
    private final Map<String, Set<String>> authorityNames = new HashMap<>();

    public OnChainNames(PolicySet policy) {
        this(policy, OnChainIds.of(policy));
    }

    /** From the ids {@link OnChainIds#of(PolicySet)} already computed, so no descriptor is hashed twice. */
    public OnChainNames(PolicySet policy, Map<String, String> ids) {
        this.policy = policy;
        for (Account a : policy.accounts().values()) {
            ChainIds chain = ChainIds.all().get(a.chain());
            if (chain == null) continue;
            String own = ids.get(a.name());
            String comparable = own == null ? null : chain.comparable(own);
            if (comparable != null) accounts.putIfAbsent(comparable, a.name());
            Map<String, String> byId = new HashMap<>();
            Set<String> names = new HashSet<>();
            for (String authority : chain.authoritiesNamedById(a)) {
                names.add(authority);
                String id = ids.get(a.name() + "@" + authority);
                String c = id == null ? null : chain.comparable(id);
                if (c != null) byId.putIfAbsent(c, authority);
            }
            if (!names.isEmpty()) {
                authorities.put(a.name(), byId);
                authorityNames.put(a.name(), names);
            }
        }
    }

    /** The transaction with on-chain ids replaced by policy names; names the policy knows are left alone. */
    public Transaction normalize(Transaction tx) {
        if (accounts.isEmpty() && authorities.isEmpty()) return tx;
        boolean allKnown = true;
        for (var a : tx.actions()) allKnown &= a.account() == null || policy.account(a.account()) != null;
        Transaction renamed = allKnown ? tx : tx.withAccounts(this::account);
        String descriptor = renamed.authDescriptor();
        if (descriptor == null || renamed.actions().isEmpty()) return renamed;
        String account = renamed.actions().get(0).account();
        Map<String, String> byId = authorities.get(account);
        if (byId == null || authorityNames.get(account).contains(descriptor)) return renamed;
        ChainIds chain = ChainIds.all().get(policy.account(account).chain());
        String comparable = chain.comparable(descriptor);
        String name = comparable == null ? null : byId.get(comparable);
        return name == null ? renamed : renamed.withAuthDescriptor(name);
    }

    /** The policy account {@code account} names or is the on-chain id of; {@code account} itself when none is. */
    public String account(String account) {
        if (account == null || policy.account(account) != null) return account;
        for (ChainIds chain : ChainIds.all().values()) {
            String comparable = chain.comparable(account);
            String name = comparable == null ? null : accounts.get(comparable);
            if (name != null) return name;
        }
        return account;
    }
}
