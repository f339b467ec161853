package io.quorate.diag;

import java.util.List;

/** User input (a policy set or a transaction file) that cannot be used, with every problem found in it. */
public final class InputException extends Exception {

    private final List<Diagnostic> diagnostics;

    public InputException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).render());
        this.diagnostics = diagnostics.stream().sorted(Diagnostic.BY_LOCATION).toList();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
