package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.Set;

/**
 * A list of destinations, accounts or other names: written inline, or one entry a line in a file
 * beside the policy ({@code file}, else null). An inline list inside a rule is named after the
 * rule ({@code inline}). Entries are compared exactly, as written. Immutable; a set, so
 * membership costs the same for ten entries or a hundred thousand. {@code locations} says where
 * each entry is written (its line in the file, or its place in the policy), as it was read.
 */
public record NamedList(String name, Set<String> entries, String file, boolean inline, SourceLocation at, EntryLocations locations) {

    public NamedList {
        entries = Set.copyOf(entries);
        locations = locations == null ? EntryLocations.NONE : locations;
    }

    /** A list whose entries' places are not known: each is then placed at the list. */
    public NamedList(String name, Set<String> entries, String file, boolean inline, SourceLocation at) {
        this(name, entries, file, inline, at, EntryLocations.NONE);
    }

    public boolean contains(String value) {
        return value != null && entries.contains(value);
    }

    public int size() {
        return entries.size();
    }
}
