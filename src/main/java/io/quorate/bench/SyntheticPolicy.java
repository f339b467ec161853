package io.quorate.bench;

import io.quorate.transaction.Transaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated policy set (YAML text by file name) and the traffic for it. {@code allowed} holds
 * three transactions per account, so picking uniformly from it spreads the load uniformly over
 * the accounts; {@code allowedRawKeys} is the same list signed with public keys instead of key
 * names; {@code denied} holds one transaction a signature short per account that is not a
 * partner; {@code hot} is the allowed traffic of {@code hotAccounts}.
 */
public record SyntheticPolicy(
        int accounts,
        int keys,
        Map<String, String> files,
        double keySeconds,
        List<Transaction> allowed,
        List<Transaction> allowedRawKeys,
        List<Transaction> denied,
        List<String> hotAccounts,
        List<Transaction> hot) {

    public SyntheticPolicy {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        allowed = List.copyOf(allowed);
        allowedRawKeys = List.copyOf(allowedRawKeys);
        denied = List.copyOf(denied);
        hotAccounts = List.copyOf(hotAccounts);
        hot = List.copyOf(hot);
    }

    /** The same traffic without the YAML text, so the text can be collected once the policy is built. */
    public SyntheticPolicy withoutFiles() {
        return new SyntheticPolicy(accounts, keys, Map.of(), keySeconds, allowed, allowedRawKeys, denied, hotAccounts, hot);
    }
}
