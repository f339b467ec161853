package io.quorate.lint;

import io.quorate.diag.Severity;
import java.util.List;
import java.util.Map;

/**
 * Everything one lint run produced: the findings (suppressed ones included), the checks that ran,
 * the figures, and the on-chain ids of the names findings use (FT4 account and descriptor ids,
 * Casper account hashes), so reports can show them next to the names.
 */
public record LintReport(List<Finding> findings, List<CheckInfo> checks, List<ResilienceFigure> figures, String policyRevision,
                         Map<String, String> onChainIds) {

    public LintReport {
        findings = List.copyOf(findings);
        checks = List.copyOf(checks);
        figures = List.copyOf(figures);
        onChainIds = Map.copyOf(onChainIds);
    }

    public LintReport(List<Finding> findings, List<CheckInfo> checks, List<ResilienceFigure> figures, String policyRevision) {
        this(findings, checks, figures, policyRevision, Map.of());
    }

    /** The on-chain ids of the finding's account and authority, where they have one other than their name. */
    public Map<String, String> idsOf(Finding f) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        if (f.account() == null) return ids;
        for (String name : new String[] {f.account(), f.authority() == null ? null : f.account() + "@" + f.authority()}) {
            String id = name == null ? null : onChainIds.get(name);
            if (id != null && !id.equals(name)) ids.put(name, id);
        }
        return ids;
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
