package io.quorate.policy;

import io.quorate.policy.conditions.ConditionSet;
import java.util.List;
import java.util.Map;

/**
 * Every account of a set of policy files, by name, in declaration order; the named keys of every
 * file; the revision: a SHA-256 over the files' contents, so every decision names what it used;
 * the lint suppressions the files write, in file order; and the organisation's conditions over
 * what transactions do ({@link ConditionSet#NONE} when the files write none).
 */
public record PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision, List<Suppression> suppressions,
        ConditionSet conditions) {

    public PolicySet {
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
        keys = List.copyOf(keys);
        suppressions = List.copyOf(suppressions);
        conditions = conditions == null ? ConditionSet.NONE : conditions;
    }

    public PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision, List<Suppression> suppressions) {
        this(accounts, keys, revision, suppressions, ConditionSet.NONE);
    }

    public PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision) {
        this(accounts, keys, revision, List.of());
    }

    public Account account(String name) {
        return accounts.get(name);
    }
}
