package io.quorate.server;

import io.quorate.diag.Diagnostic;
import java.time.Instant;
import java.util.List;

/** Why the last reload was rejected, and when; the policy before it keeps serving. */
record ReloadFailure(Instant at, String message, List<Diagnostic> diagnostics) {

    ReloadFailure {
        diagnostics = List.copyOf(diagnostics);
    }
}
