package io.quorate.server;

/**
 * Whether the policy files are really being watched. While a watched directory is missing or
 * cannot be watched, the served policy may be out of date without anyone knowing: the problem
 * shows in {@code /health} (degraded) and {@code /v1/policy} until watching resumes.
 */
final class WatchState {

    private final boolean enabled;
    private volatile String problem;

    WatchState(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Why the policy files are not being watched although {@code --watch} asked for it, or null. */
    String problem() {
        return problem;
    }

    void lost(String why) {
        problem = why;
    }

    void restored() {
        problem = null;
    }
}
