package io.quorate.lint.render;

import io.quorate.diag.Diagnostic;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.Finding;
import io.quorate.lint.LintReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy that did not load, as a lint report: each diagnostic is a finding whose check is its
 * error code, so that CI reads the same document (SARIF, JUnit, JSON, annotations) whether the
 * policy was linted or could not be.
 */
public final class LoadErrors {

    /** The category of findings that are load errors; their doc page is the format contract's. */
    public static final String CATEGORY = "load";
    static final String DOC_PAGE = "docs/formats.md#diagnostics";

    private LoadErrors() {
    }

    public static LintReport report(List<Diagnostic> diagnostics) {
        Map<String, CheckInfo> codes = new LinkedHashMap<>();
        List<Finding> findings = diagnostics.stream().map(d -> {
            codes.putIfAbsent(d.code(), new CheckInfo(d.code(), d.severity(), CATEGORY,
                    "the policy does not load: " + d.code(), "fix the policy file where the message points"));
            return new Finding(d.code(), d.severity(), CATEGORY, null, null, d.message(), d.help(), d.at(), false, null);
        }).toList();
        return new LintReport(findings, List.copyOf(codes.values()), List.of(), null);
    }
}
