package io.quorate.testing;

import java.util.List;

/**
 * The report for people: one line per case ({@code PASS}/{@code FAIL}, name, where it is written),
 * under a failure the fields that differ ({@code - expected}, {@code + actual}), then the counts and,
 * when asked for, the coverage per account with what is not covered and where it is written.
 */
public final class TestText {

    private TestText() {
    }

    public static String render(TestReport report, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (CaseResult r : report.results()) {
            if (r.passed() && !verbose && r.note() == null) {
                out.append("PASS  ").append(r.fullName()).append('\n');
                continue;
            }
            out.append(r.passed() ? "PASS  " : "FAIL  ").append(r.fullName());
            if (r.at() != null) out.append("  (").append(r.at()).append(')');
            out.append('\n');
            for (FieldDiff d : r.diffs()) {
                out.append("        - ").append(d.field()).append(": ").append(d.expected()).append('\n');
                out.append("        + ").append(d.field()).append(": ").append(d.actual()).append('\n');
            }
            if (r.note() != null) out.append("        ").append(r.note()).append('\n');
            if (!r.passed() || verbose) out.append("        actual: ").append(r.actual()).append('\n');
        }
        for (String file : report.updated()) out.append("updated ").append(file).append('\n');
        out.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
        if (report.coverage() != null) out.append(coverage(report.coverage()));
        return out.toString();
    }

    static String coverage(Coverage coverage) {
        StringBuilder out = new StringBuilder();
        List<Coverage.Account> accounts = coverage.accounts();
        long total = accounts.stream().mapToLong(a -> a.items().size()).sum();
        long covered = accounts.stream().mapToLong(Coverage.Account::covered).sum();
        out.append(String.format(java.util.Locale.ROOT, "coverage: %.1f%% (%d of %d parts covered)%n",
                coverage.percent(), covered, total));
        for (Coverage.Account a : accounts) {
            out.append(String.format(java.util.Locale.ROOT, "  %-24s %5.1f%%  %d of %d", a.name(), a.percent(), a.covered(), a.items().size()));
            if (a.at() != null) out.append("  (").append(a.at()).append(')');
            out.append('\n');
            for (Coverage.Item i : a.uncovered()) {
                out.append("    ").append(i.at()).append(": ").append(i.description()).append(": ").append(i.wanting()).append('\n');
            }
        }
        return out.toString();
    }
}
