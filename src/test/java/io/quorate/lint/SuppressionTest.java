package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.InputException;
import io.quorate.diag.Severity;
import io.quorate.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suppressions written in the policy, with a reason and an optional end; and levels set by the user. */
class SuppressionTest {

    static final String CASPER = CollusionChecksTest.CASPER_KEYS;

    static String casper(String suppress) {
        return CASPER + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 2}
                """ + suppress;
    }

    static List<Finding> of(LintReport report, String check) {
        return report.findings().stream().filter(f -> f.id().equals(check)).toList();
    }

    @Test
    void a_suppression_on_the_account_suppresses_its_finding_and_is_counted_apart() {
        LintReport report = Lints.lint(casper("""
                    suppress:
                      - {check: key-management-equals-deployment, reason: "the deploy keys are the board", expires: 2027-06-30}
                """));
        List<Finding> found = of(report, "key-management-equals-deployment");
        assertEquals(1, found.size());
        assertTrue(found.get(0).suppressed());
        assertEquals("the deploy keys are the board", found.get(0).suppressionReason());
        assertEquals(1, report.suppressedCount());
        assertEquals(0, report.count(Severity.WARNING), Lints.describe(report.findings()));
    }

    @Test
    void a_suppression_on_an_authority_covers_only_that_authority() {
        String yaml = """
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 2
                        keys: [{key: k1, weight: 2}, {key: k2, weight: 1}]
                        suppress: [{check: single-key-control, reason: "k1 is a threshold HSM"}]
                      spend:
                        threshold: 2
                        keys: [{key: k1, weight: 2}, {key: k2, weight: 1}]
                """;
        List<Finding> found = of(Lints.lint(yaml), "single-key-control");
        assertEquals(2, found.size(), Lints.describe(found));
        assertTrue(found.stream().filter(f -> f.authority().equals("admin")).allMatch(Finding::suppressed));
        assertTrue(found.stream().filter(f -> f.authority().equals("spend")).noneMatch(Finding::suppressed));
    }

    @Test
    @CheckTest(value = "expired-suppression", unsafe = true)
    void an_expired_suppression_is_reported_and_no_longer_suppresses() {
        String yaml = casper("""
                    suppress:
                      - {check: key-management-equals-deployment, reason: "until the new keys arrive", expires: 2026-01-31}   # ← expired-suppression
                """);
        assertFinds(yaml, "expired-suppression", "treasury", null, 12);
        assertFinds(yaml, "key-management-equals-deployment", "treasury", null, 10);
    }

    @Test
    @CheckTest(value = "expired-suppression", unsafe = false)
    void a_suppression_expiring_today_still_applies() {
        String yaml = casper("""
                    suppress:
                      - {check: key-management-equals-deployment, reason: "until the new keys arrive", expires: 2026-11-23}
                """);
        assertNoFinding(yaml, "expired-suppression");
        assertTrue(of(Lints.lint(yaml), "key-management-equals-deployment").get(0).suppressed());
    }

    @Test
    @CheckTest(value = "unknown-suppression", unsafe = true)
    void a_suppression_of_an_unknown_check_is_reported() {
        assertFinds(casper("""
                    suppress:
                      - {check: single-key-controll, reason: "typo"}   # ← unknown-suppression
                """), "unknown-suppression", "treasury", null, 12);
    }

    @Test
    @CheckTest(value = "unknown-suppression", unsafe = false)
    void a_suppression_of_a_known_check_is_not_reported() {
        assertNoFinding(casper("""
                    suppress:
                      - {check: single-key-control, reason: "none today, kept for the next rotation"}
                """), "unknown-suppression");
    }

    @Test
    void a_suppression_without_a_reason_does_not_load() {
        InputException e = assertThrows(InputException.class, () -> PolicyLoader.load("policy.yaml", casper("""
                    suppress:
                      - {check: key-management-equals-deployment}
                """)));
        assertEquals("missing-field", e.diagnostics().get(0).code());
        assertEquals(12, e.diagnostics().get(0).at().line());
        assertTrue(e.diagnostics().get(0).message().contains("`reason`"), e.diagnostics().get(0).message());
    }

    @Test
    void a_level_replaces_a_checks_severity_and_off_drops_it() {
        String yaml = casper("");
        Finding raised = of(Lints.lint(yaml, Map.of("key-management-equals-deployment", Level.ERROR)), "key-management-equals-deployment").get(0);
        assertEquals(Severity.ERROR, raised.severity());
        assertTrue(of(Lints.lint(yaml, Map.of("key-management-equals-deployment", Level.OFF)), "key-management-equals-deployment").isEmpty());
        assertFalse(of(Lints.lint(yaml), "key-management-equals-deployment").isEmpty());
    }
}
