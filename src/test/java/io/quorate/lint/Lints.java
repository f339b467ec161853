package io.quorate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lints inline policies and asserts on their findings. */
final class Lints {

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private Lints() {
    }

    static LintReport lint(String yaml) {
        return lint(yaml, Map.of());
    }

    static LintReport lint(String yaml, Map<String, Level> levels) {
        try {
            return Linter.lint(PolicyLoader.load("policy.yaml", yaml), new LintOptions(levels, TODAY));
        } catch (InputException e) {
            throw new AssertionError("the policy does not load:\n" + e.diagnostics().stream()
                    .map(d -> d.render()).collect(Collectors.joining("\n")));
        }
    }

    /**
     * The one unsuppressed finding of {@code check}, about {@code account} and {@code authority}
     * (not compared when null) at {@code line}; returns it for further assertions.
     */
    static Finding assertFinds(String yaml, String check, String account, String authority, int line) {
        LintReport report = lint(yaml);
        List<Finding> of = report.findings().stream().filter(f -> f.id().equals(check)).toList();
        for (Finding f : of) {
            if (f.account().equals(account) && (authority == null || authority.equals(f.authority()))
                    && f.at() != null && f.at().line() == line && !f.suppressed()) {
                assertTrue(f.message().startsWith("account `" + account + "`"), f.message());
                return f;
            }
        }
        return fail("expected `" + check + "` on " + account + (authority == null ? "" : "@" + authority) + " at line " + line
                + ", found:\n" + describe(report.findings()));
    }

    static void assertNoFinding(String yaml, String check) {
        List<Finding> of = lint(yaml).findings().stream().filter(f -> f.id().equals(check)).toList();
        assertEquals(List.of(), of, () -> "expected no `" + check + "`:\n" + describe(of));
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> "  " + f.at() + " " + f.id() + " " + f.authority() + ": " + f.message()
                + (f.suppressed() ? " [suppressed: " + f.suppressionReason() + "]" : "")).collect(Collectors.joining("\n"));
    }
}
