package io.quorate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.lint.render.JsonRenderer;
import io.quorate.policy.PolicySet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code quorate lint} says of a policy the server loads: the same linter with the default
 * levels, run on the reload thread before the policy may serve. {@code failure} is why the linter
 * itself failed (then {@code report} is null): a policy nobody could lint is reported as such,
 * never as clean.
 */
record ServedLint(LintReport report, String failure, LocalDate day, long millis) {

    /** Lints {@code policy} as {@code quorate lint} does by default. */
    static ServedLint of(PolicySet policy) {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            LintReport report = Linter.lint(policy, LintOptions.defaults().withToday(today));
            return new ServedLint(report, null, today, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return new ServedLint(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), today,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Unsuppressed findings at {@code severity} (0 when the linter failed). */
    long count(Severity severity) {
        return report == null ? 0 : report.count(severity);
    }

    /** The unsuppressed error-level findings. */
    List<Finding> errors() {
        if (report == null) return List.of();
        return report.findings().stream().filter(f -> !f.suppressed() && f.severity() == Severity.ERROR).toList();
    }

    /** Whether {@code --strict} refuses the policy: an unsuppressed error, or a linter that failed on it. */
    boolean refusedWhenStrict() {
        return failure != null || count(Severity.ERROR) > 0;
    }

    /** {@code 1 error, 3 warnings, 0 infos, 0 suppressed} as people read it in the log. */
    String counts() {
        if (failure != null) return "the linter failed: " + failure;
        return counted(count(Severity.ERROR), "error") + ", " + counted(count(Severity.WARNING), "warning") + ", "
                + counted(count(Severity.INFO), "info") + ", " + report.suppressedCount() + " suppressed";
    }

    private static String counted(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * {@code {"findings": [...], "summary": {...}, "lint_ms", "error"}}: findings and summary exactly
     * as {@code quorate lint --format json} writes them; {@code error} is null unless the linter failed.
     */
    ObjectNode json() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (report != null) {
            ObjectNode full = JsonRenderer.toJson(report);
            o.set("findings", full.get("findings"));
            o.set("summary", full.get("summary"));
        } else {
            o.putArray("findings");
            o.putNull("summary");
        }
        o.put("lint_ms", millis);
        o.put("error", failure);
        return o;
    }

    /** The error-level findings as API error objects: {@code code: lint-error}, the check's id in {@code check}. */
    List<ObjectNode> errorObjects() {
        List<ObjectNode> out = new ArrayList<>();
        if (failure != null) {
            out.add(Json.MAPPER.createObjectNode().put("code", ErrorCode.LINT_FAILED).put("message", "the linter failed: " + failure));
        }
        for (Finding f : errors()) {
            ObjectNode e = Json.MAPPER.createObjectNode().put("code", ErrorCode.LINT_ERROR).put("check", f.id()).put("message", f.message());
            if (f.at() != null) {
                e.put("file", f.at().file());
                if (f.at().line() > 0) e.put("line", f.at().line()).put("column", f.at().column());
            }
            if (f.help() != null) e.put("help", f.help());
            out.add(e);
        }
        return out;
    }

    /** One warning line per error-level finding, as the command line prints them. */
    List<String> errorLines() {
        List<String> out = new ArrayList<>();
        for (Finding f : errors()) out.add((f.at() == null ? "<policy>" : f.at().toString()) + ": lint error[" + f.id() + "]: " + f.message());
        return out;
    }
}
