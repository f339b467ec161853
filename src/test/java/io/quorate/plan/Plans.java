package io.quorate.plan;

import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;

/** Runs plans written inline in tests. */
final class Plans {

    private Plans() {
    }

    static PlanReport run(String policy, String plan) {
        try (PlanRunner runner = new PlanRunner()) {
            return runner.run(load(policy, plan));
        }
    }

    static Plan load(String policy, String plan) {
        try {
            PolicySet set = PolicyLoader.load("policy.yaml", policy);
            return PlanLoader.load("plan.yaml", plan, set);
        } catch (InputException e) {
            throw new AssertionError(e.diagnostics().toString(), e);
        }
    }

    /** The chain error of the first step that is not ok, or "none". */
    static String firstError(PlanReport r) {
        StepReport s = r.firstProblem();
        return s == null || s.error() == null ? "none" : s.error().name();
    }
}
