package io.quorate.server;

import io.quorate.engine.PreparedPolicy;
import io.quorate.policy.PolicySet;
import java.time.Instant;

/**
 * The policy a request decides with: the compiled policy, the source it came from, and when it
 * was loaded, and what the linter said of it ({@code lint}: null while it is being linted, just
 * after it starts serving, unless the server is strict). A request takes one of these at its
 * start and uses it to the end, so a reload never changes the revision under a request.
 */
record ServingPolicy(PreparedPolicy prepared, PolicySet source, String revision, Instant loadedAt, long compileMillis, ServedLint lint) {

    ServingPolicy(PreparedPolicy prepared, PolicySet source, String revision, Instant loadedAt, long compileMillis) {
        this(prepared, source, revision, loadedAt, compileMillis, null);
    }

    /** The same revision, with what the linter said of it (null until it has). */
    ServingPolicy withLint(ServedLint lint) {
        return new ServingPolicy(prepared, source, revision, loadedAt, compileMillis, lint);
    }
}
