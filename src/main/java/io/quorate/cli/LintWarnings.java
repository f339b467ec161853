package io.quorate.cli;

import io.quorate.diag.InputException;
import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The lint errors of a policy about to be compiled or served, one warning line each on standard
 * error, so that a policy nobody can use (or anyone can) does not go into service silently.
 */
final class LintWarnings {

    private LintWarnings() {
    }

    /**
     * As {@link #print}, for the policy files at {@code paths}; a policy that does not load is left
     * to the command, which reports it in its own way, and counts as none.
     */
    static int ofPaths(List<Path> paths, PrintWriter err) {
        try {
            return print(PolicyLoader.load(paths), err);
        } catch (InputException e) {
            return 0;
        }
    }

    /** Prints a line per unsuppressed error-level finding; returns how many there were. */
    static int print(PolicySet policy, PrintWriter err) {
        List<Finding> errors = Linter.lint(policy, LintOptions.defaults()).findings().stream()
                .filter(f -> !f.suppressed() && f.severity() == Severity.ERROR)
                .toList();
        for (Finding f : errors) {
            err.println("warning: " + (f.at() == null ? "<policy>" : f.at()) + ": lint error[" + f.id() + "]: " + f.message());
        }
        err.flush();
        return errors.size();
    }
}
