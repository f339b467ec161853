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
                ConditionsOutcome o = reference.decide(tx, tx.signatures(), Chain.EOS, directory, new ConditionsDifferentialTest.ConditionSpent(tx),
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

    private static final Pattern BY = Pattern.compile("rule `([^`]+)`: is never reached when it holds: rule `([^`]+)` \\(line");

    /**
     * Coverage itself: every set decided as deny-overrides names every rule that holds, so with
     * complete data (nothing lacking), whenever a rule reported shadowed holds, the rule reported
     * to cover it holds too.
     */
    @Test
    void a_rule_reported_shadowed_holds_only_where_the_rule_covering_it_holds() throws Exception {
        Random seeds = new Random(20261204L);
        int held = 0;
        int pairs = 0;
        java.math.BigDecimal[] spentValues = {java.math.BigDecimal.ZERO, new java.math.BigDecimal("999.0000"), new java.math.BigDecimal("20000.0000")};
        for (int p = 0; p < 600; p++) {
            long seed = seeds.nextLong();
            RandomConditions gen = new RandomConditions(seed);
            String yaml = gen.policy();
            PolicySet policy = PolicyLoader.load("random.yaml", yaml);
            Map<String, List<String>> coveredBy = new java.util.HashMap<>();
            for (Finding f : Linter.lint(policy, new LintOptions(Map.of(), LocalDate.parse("2026-11-23"))).findings()) {
                if (!f.id().equals("shadowed-condition")) continue;
                Matcher m = BY.matcher(f.message());
                assertTrue(m.find(), f.message());
                coveredBy.put(f.account() + " " + m.group(1), List.of(f.account(), m.group(2)));
            }
            if (coveredBy.isEmpty()) continue;
            pairs += coveredBy.size();
            Map<String, AccountConditions> asDenyOverrides = new java.util.LinkedHashMap<>();
            Map<AccountConditions, AccountConditions> copies = new java.util.IdentityHashMap<>();
            policy.conditions().accounts().forEach((account, set) -> asDenyOverrides.put(account, copies.computeIfAbsent(set,
                    s -> new AccountConditions(s.name(), s.shared(), AccountConditions.Combine.DENY_OVERRIDES, s.defaultAllow(), s.rules(), s.at()))));
            io.quorate.policy.conditions.ConditionSet c = policy.conditions();
            ReferenceConditions reference = new ReferenceConditions(new io.quorate.policy.conditions.ConditionSet(c.groups(), c.lists(),
                    c.shared(), c.declaredAssets(), asDenyOverrides, c.listFiles()));
            KeyDirectory directory = KeyDirectory.of(policy);
            for (int t = 0; t < 300; t++) {
                Transaction tx = gen.transaction(t);
                if (tx.actions().size() != 1) continue;
                io.quorate.transaction.ActionData d = tx.actions().get(0).data();
                if (d == null || d.to() == null || d.from() == null || d.memo() == null || d.amount() == null) continue;
                java.math.BigDecimal spentSoFar = spentValues[t % spentValues.length];
                ConditionsOutcome o = reference.decide(tx, tx.signatures(), Chain.EOS, directory, (account, asset, period, at) -> spentSoFar,
                        ConditionsDifferentialTest.NOW);
                if (o.code() != null && o.code().equals(ConditionsOutcome.MALFORMED_TRANSACTION)) continue;
                String account = tx.actions().get(0).account();
                for (String rule : o.matched()) {
                    List<String> by = coveredBy.get(account + " " + rule);
                    if (by == null) continue;
                    held++;
                    assertTrue(o.matched().contains(by.get(1)), "seed " + seed + ", transaction " + t + ": `" + rule + "` holds, `"
                            + by.get(1) + "` does not: " + ConditionsDifferentialTest.summary(o) + "\n" + yaml + "\n" + tx);
                }
            }
        }
        assertTrue(pairs > 20 && held > 20, pairs + " shadowed rules reported, held " + held + " times");
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
