package io.quorate.policy;

import java.util.List;
import java.util.Map;

/**
 * Every account of a set of policy files, by name, in declaration order; the named keys of every
 * file; the revision: a SHA-256 over the files' contents, so every decision names what it used;
 * and the lint suppressions the files write, in file order.
 */
public record PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision, List<Suppression> suppressions) {

    public PolicySet {
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
        keys = List.copyOf(keys);
        suppressions = List.copyOf(suppressions);
    }

    public PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision) {
        this(accounts, keys, revision, List.of());
    }

    public Account account(String name) {
        return accounts.get(name);
    }
}
