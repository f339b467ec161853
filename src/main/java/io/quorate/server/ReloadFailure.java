package io.quorate.server;

import io.quorate.diag.Diagnostic;
import java.time.Instant;
import java.util.List;

/** Why the last reload was rejected, and when, with the lint of the refused policy when lint errors refused it; the policy before it keeps serving. */
record ReloadFailure(Instant at, String message, List<Diagnostic> diagnostics, ServedLint lint) {

    ReloadFailure {
        diagnostics = List.copyOf(diagnostics);
    }

    ReloadFailure(Instant at, String message, List<Diagnostic> diagnostics) {
        this(at, message, diagnostics, null);
    }
}
