package io.quorate.server;

import java.util.Set;

/**
 * Fields of decision log entries to hide, as dotted paths: {@code input.signatures},
 * {@code input.actions.account}, {@code reasons.message}, or a whole object such as {@code input}.
 * A path through a list applies to each element. A masked value is written as {@code "<masked>"},
 * so readers see that it was there.
 */
record LogMask(Set<String> paths) {

    static final String MASKED = "<masked>";
    static final LogMask NONE = new LogMask(Set.of());

    LogMask {
        paths = Set.copyOf(paths);
    }

    static LogMask of(Set<String> fields) {
        return new LogMask(fields);
    }

    boolean hides(String path) {
        return !paths.isEmpty() && paths.contains(path);
    }
}
