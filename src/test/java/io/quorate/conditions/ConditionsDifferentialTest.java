package io.quorate.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceConditions;
import io.quorate.rules.ClassicDrl;
import io.quorate.transaction.Transaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled condition rules decide as the plain reference evaluation of the same conditions,
 * over random policies and transactions; and the rendered DRL, built by the classic compiler,
 * decides as the executable rules.
 */
class ConditionsDifferentialTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static String summary(ConditionsOutcome o) {
        return o == null ? "none" : o.code() + " " + o.outcome() + " " + o.matched() + " " + o.required() + " " + o.missing() + " @" + o.action();
    }

    @Test
    void compiled_rules_decide_as_the_reference_evaluation() throws Exception {
        Random seeds = new Random(20261202L);
        int cases = 0;
        Map<String, Integer> codes = new HashMap<>();
        for (int p = 0; p < 60; p++) {
            long seed = seeds.nextLong();
            RandomConditions gen = new RandomConditions(seed);
            String yaml = gen.policy();
            PolicySet policy = PolicyLoader.load("random.yaml", yaml);
            KeyDirectory directory = KeyDirectory.of(policy);
            ReferenceConditions reference = new ReferenceConditions(policy.conditions());
            try (ConditionsEngine engine = ConditionsEngine.of(policy)) {
                for (int t = 0; t < 100; t++) {
                    Transaction tx = gen.transaction(t);
                    ConditionSpent spent = new ConditionSpent(tx);
                    ConditionsOutcome expected = reference.decide(tx, tx.signatures(), Chain.EOS, directory, spent, NOW);
                    ConditionsOutcome actual = engine.decide(tx, tx.signatures(), Chain.EOS, directory, spent, NOW);
                    assertEquals(summary(expected), summary(actual), "seed " + seed + ", transaction " + t + "\n" + yaml + "\n" + tx);
                    codes.merge(String.valueOf(actual == null ? "none" : actual.code()), 1, Integer::sum);
                    cases++;
                }
            }
        }
        assertTrue(cases >= 5000);
        // every outcome occurs often enough for the comparison to mean something
        for (String code : new String[] {"null", ConditionsOutcome.CONDITION_DENIED, ConditionsOutcome.APPROVAL_REQUIRED,
                ConditionsOutcome.MISSING_DATA}) {
            assertTrue(codes.getOrDefault(code, 0) > 200, code + " in " + codes);
        }
    }

    @Test
    void the_rendered_drl_decides_as_the_executable_rules() throws Exception {
        Random seeds = new Random(77L);
        for (int p = 0; p < 6; p++) {
            RandomConditions gen = new RandomConditions(seeds.nextLong());
            PolicySet policy = PolicyLoader.load("random.yaml", gen.policy());
            KeyDirectory directory = KeyDirectory.of(policy);
            ConditionRules built = ConditionRules.build(policy.conditions(), policy.revision());
            ConditionRules rendered = built.runBy(ClassicDrl.build(built.drl()));
            try (ConditionsEngine executable = new ConditionsEngine(built); ConditionsEngine classic = new ConditionsEngine(rendered)) {
                for (int t = 0; t < 150; t++) {
                    Transaction tx = gen.transaction(t);
                    ConditionSpent spent = new ConditionSpent(tx);
                    assertEquals(summary(executable.decide(tx, tx.signatures(), Chain.EOS, directory, spent, NOW)),
                            summary(classic.decide(tx, tx.signatures(), Chain.EOS, directory, spent, NOW)), built.drl());
                }
            }
        }
    }

    /** The transaction's own {@code context.spent}. */
    record ConditionSpent(Transaction tx) implements SpentAmounts {
        @Override
        public java.math.BigDecimal spent(String account, String asset, java.time.Duration period, Instant at) {
            return new ContextSpent(tx.context()).spent(account, asset, period, at);
        }
    }
}
