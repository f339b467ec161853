package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Context;
import io.quorate.yaml.YamlMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step Quorate fails to check is rejected with internal-error, never reported ok. */
class FailClosedTest {

    record Broken(Step step) implements Operation {
        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            throw new IllegalStateException("boom");
        }

        @Override
        public ChainError refusal(PolicySet before) {
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            throw new IllegalStateException("boom");
        }

        @Override
        public List<String> touched() {
            return List.of();
        }
    }

    @Test
    void a_failure_while_checking_a_step_rejects_it() {
        Plan loaded = Plans.load(CasperPlanTest.POLICY, CasperPlanTest.plan("{op: remove_associated_key, key: user_1, signatures: [primary]}"));
        Step step = new Step(1, "x", "remove_associated_key", "acct", List.of("primary"), Context.EMPTY, null, null, null,
                new YamlMapping(List.of(), List.of(), new SourceLocation("plan.yaml", 1, 1)));
        try (PlanRunner runner = new PlanRunner()) {
            PlanReport r = runner.run(new Plan("plan.yaml", loaded.start(), List.of(new Broken(step)), null));
            assertEquals("rejected", r.verdict());
            assertEquals("internal-error", r.steps().get(0).error().name());
            assertFalse(r.steps().get(0).authorized());
        }
    }
}
