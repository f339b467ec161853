package io.quorate.plan;

/** Compares a checked plan with the outcome its file records ({@code expect:}). */
public final class PlanCheck {

    private PlanCheck() {
    }

    /** Why the report differs from the recorded outcome, or null when it matches. */
    public static String mismatch(PlanExpectation expected, PlanReport report) {
        if (expected == null) return "no expect: recorded; the plan is " + report.verdict();
        if (expected.verdict() != null && !expected.verdict().equals(report.verdict())) {
            return "expected " + expected.verdict() + ", the plan is " + report.verdict() + describe(report.firstProblem());
        }
        StepReport first = report.firstProblem();
        if (expected.step() != null && (first == null || !expected.step().equals(first.step().label()))) {
            return "expected step " + expected.step() + " to be the first problem, got " + (first == null ? "none" : "step " + first.step().label());
        }
        if (expected.error() != null && (first == null || first.error() == null || !expected.error().equals(first.error().name()))) {
            return "expected error " + expected.error() + describe(first);
        }
        if (expected.finding() != null && (first == null || first.findingsAdded().stream().noneMatch(f -> f.check().equals(expected.finding())))) {
            return "expected finding " + expected.finding() + describe(first);
        }
        return null;
    }

    private static String describe(StepReport s) {
        if (s == null) return "";
        return "; step " + s.step().label() + " is " + s.verdict().label() + (s.error() != null ? " (" + s.error().name() + ")" : "")
                + (s.why() != null ? ": " + s.why() : "");
    }
}
