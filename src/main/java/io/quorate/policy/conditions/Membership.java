package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;

/** {@code in} or {@code not_in} a list: a named one, or one written inline (named after where it is). */
public record Membership(boolean in, NamedList list, SourceLocation at) {

    public boolean holds(String value) {
        return list.contains(value) == in;
    }
}
