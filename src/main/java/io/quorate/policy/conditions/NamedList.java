package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.Set;

/**
 * A list of destinations, accounts or other names: written inline, or one entry a line in a file
 * beside the policy ({@code file}, else null). An inline list inside a rule is named after the
 * rule ({@code inline}). Entries are compared exactly, as written. Immutable; a set, so
 * membership costs the same for ten entries or a hundred thousand.
 */
public record NamedList(String name, Set<String> entries, String file, boolean inline, SourceLocation at) {

    public NamedList {
        entries = Set.copyOf(entries);
    }

    public boolean contains(String value) {
        return value != null && entries.contains(value);
    }

    public int size() {
        return entries.size();
    }
}
