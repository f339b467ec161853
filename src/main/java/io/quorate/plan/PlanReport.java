package io.quorate.plan;

import io.quorate.policy.PolicySet;

import java.util.List;

/**
 * A checked plan: every step's report, the state the accepted steps leave, the overall verdict
 * ({@code safe}, {@code unsafe} or {@code rejected}) and, when the plan is not safe, an order of
 * the same steps that would be accepted and safe (their labels), or null when none was found.
 */
public record PlanReport(List<StepReport> steps, PolicySet end, String verdict, List<String> reorder) {

    public PlanReport {
        steps = List.copyOf(steps);
        reorder = reorder == null ? null : List.copyOf(reorder);
    }

    public long count(StepReport.Verdict v) {
        return steps.stream().filter(s -> s.verdict() == v).count();
    }

    /** The first step that is not ok, or null. */
    public StepReport firstProblem() {
        return steps.stream().filter(s -> s.verdict() != StepReport.Verdict.OK).findFirst().orElse(null);
    }
}
