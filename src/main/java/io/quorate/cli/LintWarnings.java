package io.quorate.cli;

import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicySet;
import java.io.PrintWriter;
import java.util.List;

/**
 * The lint errors of a policy about to be compiled (the server lints what it loads itself), one warning line each on standard
 * error, so that a policy nobody can use (or anyone can) does not go into service silently.
 */
final class LintWarnings {

    private LintWarnings() {
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
