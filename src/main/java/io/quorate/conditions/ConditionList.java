package io.quorate.conditions;

import java.util.Set;

/**
 * A named list as one fact: {@code to: {in: exchanges}} joins the check with the one fact named
 * {@code exchanges} and asks it whether it contains the destination, so a list of 100,000 entries
 * is one fact and one hash lookup, not 100,000 rules.
 */
public final class ConditionList {

    private final String name;
    private final Set<String> entries;

    public ConditionList(String name, Set<String> entries) {
        this.name = name;
        this.entries = entries;
    }

    public String getName() {
        return name;
    }

    public boolean lists(String value) {
        return value != null && entries.contains(value);
    }
}
