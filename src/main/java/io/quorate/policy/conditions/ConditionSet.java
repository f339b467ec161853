package io.quorate.policy.conditions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation's conditions over a policy set: its approver groups, its named lists, the
 * conditions shared by name, the assets declared beyond the chains' own (chain id to symbol to
 * decimals), the conditions each account uses (its own, or a shared set it names), and the
 * list files read ({@code list: file} as written, to their content's SHA-256 in hex), which the
 * policy's revision covers.
 * Immutable. The plain model the rules are compiled from and lint checks read.
 */
public record ConditionSet(
        Map<String, Group> groups,
        Map<String, NamedList> lists,
        Map<String, AccountConditions> shared,
        Map<String, Map<String, Integer>> declaredAssets,
        Map<String, AccountConditions> accounts,
        Map<String, String> listFiles) {

    public static final ConditionSet NONE = new ConditionSet(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public ConditionSet {
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        lists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        shared = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shared));
        declaredAssets = Map.copyOf(declaredAssets);
        accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
        listFiles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(listFiles));
    }

    /** The conditions of {@code account}, or null when it has none (the chain alone decides). */
    public AccountConditions of(String account) {
        return accounts.get(account);
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** Every set in use: each account's own and each shared set used by an account, once, in first-use order. */
    public List<AccountConditions> sets() {
        // by identity: a shared set is one object, and hashing records would walk every rule and list entry
        java.util.Set<AccountConditions> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        return accounts.values().stream().filter(seen::add).toList();
    }

    /** The accounts that use {@code set}, in declaration order. */
    public List<String> accountsUsing(AccountConditions set) {
        return accounts.entrySet().stream().filter(e -> e.getValue() == set).map(Map.Entry::getKey).toList();
    }

    /** Every rule of every set in use, in set then rule order (rule ids ascend in it). */
    public List<ConditionRule> rules() {
        return sets().stream().flatMap(a -> a.rules().stream()).toList();
    }
}
