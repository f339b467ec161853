package io.quorate.testing;

import io.quorate.diag.Diagnostic;
import java.util.List;

/**
 * Everything a test run found: each case's result in file order, the problems that kept files or
 * policies from loading (exit 2), the coverage (null when not asked for) and the files
 * {@code --update} rewrote.
 */
public record TestReport(List<CaseResult> results, List<Diagnostic> problems, Coverage coverage, List<String> updated) {

    public TestReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
        updated = List.copyOf(updated);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }
}
