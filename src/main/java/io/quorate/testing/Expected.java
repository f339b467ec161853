package io.quorate.testing;

import io.quorate.diag.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * What a case says must hold of a decision. Every field is optional: null (or, for
 * {@code satisfiedBy}, {@code satisfiedByGiven} false) means "not compared". {@code reasons} must
 * all be present; the key lists are compared as sets and {@code missing} as a set of sets.
 * {@code at} is where the expectation is written.
 */
public record Expected(
        String decision,
        List<String> reasons,
        boolean satisfiedByGiven,
        String satisfiedBy,
        Set<String> usedKeys,
        Set<String> unusedKeys,
        Set<Set<String>> missing,
        SourceLocation at) {

    /** {@code expect: allow} or {@code expect: deny}. */
    public static Expected of(String decision, SourceLocation at) {
        return new Expected(decision, null, false, null, null, null, null, at);
    }
}
