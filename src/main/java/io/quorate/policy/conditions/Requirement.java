package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.List;
import java.util.stream.Collectors;

/** The approvals a {@code require} asks for: a key, a count of a group, all of several, any of several. */
public sealed interface Requirement {

    SourceLocation at();

    /** How decisions state it: {@code key cfo}, {@code 2 of cfo_office}, {@code all of (…)}. */
    String text();

    record Key(String key, SourceLocation at) implements Requirement {
        @Override
        public String text() {
            return "key " + key;
        }
    }

    record FromGroup(Group group, int count, SourceLocation at) implements Requirement {
        @Override
        public String text() {
            return count + " of " + group.name();
        }
    }

    record All(List<Requirement> parts, SourceLocation at) implements Requirement {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream().map(Requirement::text).collect(Collectors.joining(", ", "all of (", ")"));
        }
    }

    record Any(List<Requirement> parts, SourceLocation at) implements Requirement {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            return parts.stream().map(Requirement::text).collect(Collectors.joining(", ", "any of (", ")"));
        }
    }
}
