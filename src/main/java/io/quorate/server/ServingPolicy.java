package io.quorate.server;

import io.quorate.engine.PreparedPolicy;
import io.quorate.policy.PolicySet;
import java.time.Instant;

/**
 * The policy a request decides with: the compiled policy, the source it came from, and when it
 * was loaded, and what the linter said of it when it was loaded ({@code lint}). A request takes one of these at its start and uses it to the end, so a reload never
 * changes the revision under a request.
 */
record ServingPolicy(PreparedPolicy prepared, PolicySet source, String revision, Instant loadedAt, long compileMillis, ServedLint lint) {

    ServingPolicy(PreparedPolicy prepared, PolicySet source, String revision, Instant loadedAt, long compileMillis) {
        this(prepared, source, revision, loadedAt, compileMillis, null);
    }
}
