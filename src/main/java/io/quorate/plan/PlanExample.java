package io.quorate.plan;

import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;

import java.nio.file.Path;
import java.util.List;

/** Checks an example plan against the outcome it records, on its own {@code policy:} or else the given one. */
public final class PlanExample {

    /** The plan's verdict, and why it differs from the recorded outcome (null when it matches). */
    public record Outcome(String verdict, String mismatch, PlanReport report) {
    }

    private PlanExample() {
    }

    public static Outcome check(Path file, List<Path> fallbackPolicy) throws InputException {
        Path own = PlanLoader.policyOf(file);
        PolicySet policy = PolicyLoader.load(own != null ? List.of(own) : fallbackPolicy);
        Plan plan = PlanLoader.load(file, policy);
        try (PlanRunner runner = new PlanRunner()) {
            PlanReport report = runner.run(plan);
            return new Outcome(report.verdict(), PlanCheck.mismatch(plan.expected(), report), report);
        }
    }
}
