package com.example.policies;

import io.quorate.diag.InputException;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import java.nio.file.Path;
import java.util.List;

public class PolicyCheck {

    public static void main(String[] args) {
        // load: every problem of every file at once, each with its file, line and column
        PolicySet set;
        try {
            set = PolicyLoader.load(List.of(Path.of("policies")));
        } catch (InputException e) {
            e.diagnostics().forEach(d -> System.err.println(d.render()));
            return;
        }

        // lint: the checks of `quorate lint`, with their default levels, against today's date
        LintReport report = Linter.lint(set, LintOptions.defaults());
        for (Finding f : report.findings()) {
            if (!f.suppressed()) System.out.println(f.severity().label() + "[" + f.id() + "]: " + f.message());
        }

        // prepare once (this compiles the rules), then authorize from any number of threads
        try (PreparedPolicy policy = Quorate.prepare(set)) {
            Decision allowed = policy.authorize(Transaction.of("test.auth", "transfer", List.of("ops_lead", "treasurer")));
            System.out.println(allowed.decision().label() + " by " + allowed.satisfiedBy()
                    + ": weight " + allowed.weight() + " of " + allowed.threshold());

            Decision denied = policy.authorize(Transaction.of("test.auth", "transfer", List.of("ops_lead")));
            System.out.println(denied.decision().label() + ": " + denied.reasons().get(0).message()
                    + "; any of " + denied.missing() + " would do");
        }
    }
}
