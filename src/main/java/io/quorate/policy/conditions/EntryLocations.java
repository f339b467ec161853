package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each entry of a list is written: its first line and column, in the order the entries are
 * first written, the file named once for the list. Parallel arrays rather than an object per entry,
 * since a list can hold a hundred thousand entries; the columns are not kept when every entry
 * starts its line, as in most list files. Immutable.
 */
public final class EntryLocations {

    /** No entry has a known place: a list built without its source. */
    public static final EntryLocations NONE = new EntryLocations(null, new String[0], new int[0], new int[0]);

    private final String file;
    private final String[] entries;
    private final int[] lines;
    /** Null when every column is 1. */
    private final int[] columns;

    private EntryLocations(String file, String[] entries, int[] lines, int[] columns) {
        this.file = file;
        this.entries = entries;
        this.lines = lines;
        this.columns = columns;
    }

    /** How many entries have a place. */
    public int size() {
        return entries.length;
    }

    /** The {@code i}-th entry, in the order first written. */
    public String entry(int i) {
        return entries[i];
    }

    /** Where the {@code i}-th entry is first written. */
    public SourceLocation at(int i) {
        return new SourceLocation(file, lines[i], columns == null ? 1 : columns[i]);
    }

    /** Where each of {@code wanted} is first written, for those that have a place; one pass over the list. */
    public Map<String, SourceLocation> of(Set<String> wanted) {
        Map<String, SourceLocation> out = new HashMap<>();
        if (wanted.isEmpty()) return out;
        for (int i = 0; i < entries.length && out.size() < wanted.size(); i++) {
            if (wanted.contains(entries[i])) out.putIfAbsent(entries[i], at(i));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryLocations e && java.util.Objects.equals(file, e.file) && Arrays.equals(entries, e.entries)
                && Arrays.equals(lines, e.lines) && Arrays.equals(columns, e.columns);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(file, Arrays.hashCode(entries), Arrays.hashCode(lines), Arrays.hashCode(columns));
    }

    @Override
    public String toString() {
        return entries.length + " entries in " + file;
    }

    /**
     * Collects a list's entries as they are read, all from one file: the set for membership and
     * the place each distinct entry is first written.
     */
    static final class Builder {

        private final String file;
        private final java.util.HashSet<String> seen = new java.util.HashSet<>();
        private String[] entries = new String[16];
        private int[] lines = new int[16];
        private int[] columns = new int[16];
        private int size;

        Builder(String file) {
            this.file = file;
        }

        /** Adds {@code entry}, written at {@code line} and {@code column}; a repeated entry keeps its first place. */
        void add(String entry, int line, int column) {
            if (!seen.add(entry)) return;
            if (size == entries.length) {
                int grown = size * 2;
                entries = Arrays.copyOf(entries, grown);
                lines = Arrays.copyOf(lines, grown);
                columns = Arrays.copyOf(columns, grown);
            }
            entries[size] = entry;
            lines[size] = line;
            columns[size] = column;
            size++;
        }

        /** The distinct entries. */
        Set<String> entries() {
            return seen;
        }

        EntryLocations locations() {
            if (size == 0) return NONE;
            boolean firstColumns = true;
            for (int i = 0; i < size && firstColumns; i++) firstColumns = columns[i] == 1;
            return new EntryLocations(file, Arrays.copyOf(entries, size), Arrays.copyOf(lines, size),
                    firstColumns ? null : Arrays.copyOf(columns, size));
        }
    }
}
