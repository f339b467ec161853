package io.quorate.yaml;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * A mapping, in the order written. A key written twice keeps its first entry in {@code entries};
 * the later ones are kept in {@code duplicates} so that the reader of the mapping can report them
 * with a code that fits (a duplicate account is not the same mistake as a duplicate field).
 */
public record YamlMapping(List<Entry> entries, List<Entry> duplicates, SourceLocation at) implements YamlNode {

    /** One {@code key: value} pair; {@code keyAt} is where the key is written. */
    public record Entry(String key, SourceLocation keyAt, YamlNode value) {
    }

    public YamlMapping {
        entries = List.copyOf(entries);
        duplicates = List.copyOf(duplicates);
    }

    /** The entry for {@code key}, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) return e;
        }
        return null;
    }

    /** The value for {@code key}, or null when the key is absent. */
    public YamlNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    /** The value for {@code key}, or null when the key is absent or its value is YAML null. */
    public YamlNode value(String key) {
        YamlNode v = get(key);
        return v instanceof YamlScalar s && s.isNull() ? null : v;
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
