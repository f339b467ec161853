package io.quorate.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.Linter;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.reference.ReferenceConditions;
import io.quorate.transaction.Transaction;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the conditions checks claim holds when the reference evaluation decides: a rule reported
 * shadowed (first-match) or never matching never decides with its own outcome, and conditions
 * reported to leave no moment to act deny every action. Random policies and transactions, seeded.
 */
class ConditionLintSoundnessTest {

    private static final Pattern RULE = Pattern.compile("rule `([^`]+)`:");

    @Test
    void what_the_conditions_checks_report_holds_in_every_reference_decision() throws Exception {
        Random seeds = new Random(20261203L);
        int shadowedDecisions = 0;
        int neverDecisions = 0;
        int closedDecisions = 0;
        for (int p = 0; p < 400; p++) {
            long seed = seeds.nextLong();
            RandomConditions gen = new RandomConditions(seed);
            String yaml = gen.policy();
            PolicySet policy = PolicyLoader.load("random.yaml", yaml);
            List<Finding> findings = Linter.lint(policy, new LintOptions(Map.of(), LocalDate.parse("2026-11-23"))).findings();
            Set<String> shadowed = rules(findings, "shadowed-condition");
            Set<String> never = rules(findings, "condition-never-matches");
            Set<String> closed = new HashSet<>();
            for (Finding f : findings) if (f.id().equals("no-moment-to-act")) closed.add(f.account());
            if (shadowed.isEmpty() && never.isEmpty() && closed.isEmpty()) continue;
            KeyDirectory directory = KeyDirectory.of(policy);
            ReferenceConditions reference = new ReferenceConditions(policy.conditions());
            for (int t = 0; t < 200; t++) {
                Transaction tx = gen.transaction(t);
                if (tx.actions().size() != 1) continue;
                String account = tx.actions().get(0).account();
                AccountConditions set = policy.conditions().of(account);
                ConditionsOutcome o = reference.decide(tx, Chain.EOS, directory, new ConditionsDifferentialTest.ConditionSpent(tx),
                        ConditionsDifferentialTest.NOW);
                String where = "seed " + seed + ", transaction " + t + ": " + ConditionsDifferentialTest.summary(o) + "\n" + yaml + "\n" + tx;
                if (o.code() != null && o.code().equals(ConditionsOutcome.MALFORMED_TRANSACTION)) continue;
                for (String rule : o.matched()) {
                    boolean isShadowed = shadowed.contains(account + " " + rule);
                    boolean isNever = never.contains(account + " " + rule);
                    if (set.combine() == AccountConditions.Combine.FIRST_MATCH && (isShadowed || isNever)) {
                        assertEquals(ConditionsOutcome.MISSING_DATA, o.code(), "a reported rule decided with its own outcome: " + where);
                    }
                    if (isNever) assertEquals("deny", o.outcome(), "a rule that never holds let an action through: " + where);
                    if (isShadowed) shadowedDecisions++;
                    if (isNever) neverDecisions++;
                }
                if (closed.contains(account)) {
                    assertEquals("deny", o.outcome(), "conditions reported to leave no moment to act let an action through: " + where);
                    closedDecisions++;
                }
            }
        }
        // the seeds reach each claim often enough for the test to mean something
        assertTrue(closedDecisions > 1000, "no-moment-to-act was exercised " + closedDecisions + " times");
        assertTrue(shadowedDecisions > 0, "shadowed rules were reached " + shadowedDecisions + " times");
        assertTrue(neverDecisions > 100, "never-matching rules were reached " + neverDecisions + " times");
    }

    /** {@code account rule} of each finding of {@code check}. */
    private static Set<String> rules(List<Finding> findings, String check) {
        Set<String> out = new HashSet<>();
        for (Finding f : findings) {
            if (!f.id().equals(check)) continue;
            Matcher m = RULE.matcher(f.message());
            assertTrue(m.find(), f.message());
            out.add(f.account() + " " + m.group(1));
        }
        return out;
    }
}
