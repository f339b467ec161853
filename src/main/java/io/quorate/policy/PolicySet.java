package io.quorate.policy;

import java.util.List;
import java.util.Map;

/**
 * Every account of a set of policy files, by name, in declaration order; the named keys of every
 * file; and the revision: a SHA-256 over the files' contents, so every decision names what it used.
 */
public record PolicySet(Map<String, Account> accounts, List<NamedKey> keys, String revision) {

    public PolicySet {
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
        keys = List.copyOf(keys);
    }

    public Account account(String name) {
        return accounts.get(name);
    }
}
