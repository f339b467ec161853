package io.quorate.lint;

import io.quorate.diag.Severity;
import java.util.List;

/** Everything one lint run produced: the findings (suppressed ones included), the checks that ran, and the figures. */
public record LintReport(List<Finding> findings, List<CheckInfo> checks, List<ResilienceFigure> figures, String policyRevision) {

    public LintReport {
        findings = List.copyOf(findings);
        checks = List.copyOf(checks);
        figures = List.copyOf(figures);
    }

    /** Unsuppressed findings at {@code severity}. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }

    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** True when an unsuppressed finding is at least as severe as {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.suppressed() && f.severity().ordinal() <= threshold.ordinal());
    }
}
