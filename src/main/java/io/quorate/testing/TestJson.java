package io.quorate.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;

/**
 * The report as one JSON document: {@code cases} (file, name, row, status, location, diffs,
 * actual, note), {@code passed}, {@code failed}, {@code problems} (diagnostics that kept something
 * from loading), and {@code coverage} when asked for, with every uncovered part's file, line and column.
 */
public final class TestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJson() {
    }

    public static String render(TestReport report, Double coverageMin) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : report.results()) {
            ObjectNode c = cases.addObject();
            c.put("file", r.file());
            c.put("name", r.name());
            if (r.label() != null) c.put("row", r.label());
            c.put("status", r.passed() ? "pass" : "fail");
            location(c, r.at());
            ArrayNode diffs = c.putArray("diffs");
            for (FieldDiff d : r.diffs()) {
                diffs.addObject().put("field", d.field()).put("expected", d.expected()).put("actual", d.actual());
            }
            c.put("actual", r.actual());
            if (r.note() != null) c.put("note", r.note());
        }
        root.put("passed", report.passed());
        root.put("failed", report.failed());
        ArrayNode problems = root.putArray("problems");
        for (Diagnostic d : report.problems()) {
            ObjectNode p = problems.addObject();
            p.put("code", d.code()).put("severity", d.severity().label()).put("message", d.message());
            location(p, d.at());
            if (d.help() != null) p.put("help", d.help());
        }
        ArrayNode updated = root.putArray("updated");
        report.updated().forEach(updated::add);
        if (report.coverage() != null) coverage(root.putObject("coverage"), report.coverage(), coverageMin);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the test report cannot be written as JSON", e);
        }
    }

    private static void coverage(ObjectNode out, Coverage coverage, Double min) {
        out.put("percent", round(coverage.percent()));
        if (min != null) out.put("min", min);
        ArrayNode accounts = out.putArray("accounts");
        for (Coverage.Account a : coverage.accounts()) {
            ObjectNode o = accounts.addObject();
            o.put("account", a.name());
            location(o, a.at());
            o.put("percent", round(a.percent()));
            o.put("covered", a.covered());
            o.put("total", a.items().size());
            ArrayNode uncovered = o.putArray("uncovered");
            for (Coverage.Item i : a.uncovered()) {
                ObjectNode u = uncovered.addObject();
                u.put("kind", i.kind());
                u.put("item", i.description());
                location(u, i.at());
                u.put("allowing", i.allowed());
                u.put("denying", i.denied());
                u.put("wanting", i.wanting());
            }
        }
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static void location(ObjectNode o, SourceLocation at) {
        if (at == null) return;
        o.put("file", at.file());
        o.put("line", at.line());
        o.put("column", at.column());
    }
}
