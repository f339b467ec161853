package io.quorate.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * User input (a policy set or a transaction file) that cannot be used, with every problem found in
 * it, in the order of their locations: the first {@link #MAX_SHOWN}, then one note counting the rest.
 */
public final class InputException extends Exception {

    /** A file broken in every line would bury the first, most useful, errors under thousands more. */
    public static final int MAX_SHOWN = 100;
    public static final String MORE_ERRORS = "more-errors";

    private final List<Diagnostic> diagnostics;

    public InputException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).render());
        this.diagnostics = shown(diagnostics.stream().sorted(Diagnostic.BY_LOCATION).toList());
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static List<Diagnostic> shown(List<Diagnostic> sorted) {
        if (sorted.size() <= MAX_SHOWN) return sorted;
        List<Diagnostic> out = new ArrayList<>(sorted.subList(0, MAX_SHOWN));
        int more = sorted.size() - MAX_SHOWN;
        out.add(new Diagnostic(MORE_ERRORS, Severity.INFO, "and " + more + " more " + (more == 1 ? "problem" : "problems")
                + " from here on, not shown", sorted.get(MAX_SHOWN).at(), "fix the problems above and run again"));
        return List.copyOf(out);
    }
}
