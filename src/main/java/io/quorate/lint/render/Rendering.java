package io.quorate.lint.render;

import io.quorate.diag.SourceLocation;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.Finding;
import io.quorate.lint.LintReport;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What every format needs from a finding: a stable order, its location, and its message with context. */
final class Rendering {

    /** By file, line, column, then check id, account and authority, so that output is the same from run to run. */
    static final Comparator<Finding> BY_LOCATION = Comparator
            .comparing((Finding f) -> file(f), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Rendering::line)
            .thenComparingInt(Rendering::column)
            .thenComparing(Finding::id, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::account, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::authority, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Rendering() {
    }

    static List<Finding> sorted(LintReport report) {
        return report.findings().stream().sorted(BY_LOCATION).toList();
    }

    static List<Finding> unsuppressed(LintReport report) {
        return sorted(report).stream().filter(f -> !f.suppressed()).toList();
    }

    static List<Finding> suppressed(LintReport report) {
        return sorted(report).stream().filter(Finding::suppressed).toList();
    }

    /**
     * The checks that ran, then any check a finding names that is not among them (described from the
     * finding), so that every finding has its check.
     */
    static List<CheckInfo> checks(LintReport report) {
        Map<String, CheckInfo> checks = new LinkedHashMap<>();
        report.checks().forEach(c -> checks.putIfAbsent(c.id(), c));
        for (Finding f : sorted(report)) {
            checks.putIfAbsent(f.id(), new CheckInfo(f.id(), f.severity(), f.category(), f.id(), f.help()));
        }
        return new ArrayList<>(checks.values());
    }

    /** The file as written in the finding's location, or null when it has none. */
    static String file(Finding f) {
        SourceLocation at = f.at();
        return at == null || at.file() == null || at.file().isBlank() ? null : at.file();
    }

    /** 1-based line; 0 when the finding concerns the file as a whole. */
    static int line(Finding f) {
        return f.at() == null ? 0 : Math.max(0, f.at().line());
    }

    /** 1-based column; 0 when unknown. */
    static int column(Finding f) {
        return line(f) == 0 ? 0 : Math.max(0, f.at().column());
    }

    /** The finding's documentation page, relative to the repository root: its check's page, or the diagnostics' for a load error. */
    static String docPage(Finding f) {
        return LoadErrors.CATEGORY.equals(f.category()) ? LoadErrors.DOC_PAGE : "docs/checks/" + f.id() + ".md";
    }

    /** As {@link #docPage(Finding)}, for a check. */
    static String docPage(CheckInfo c) {
        return LoadErrors.CATEGORY.equals(c.category()) ? LoadErrors.DOC_PAGE : c.docPage();
    }

    /** The finding's message: it already names its account and authority ({@code account `x`: role `y`: …}). */
    static String contextMessage(Finding f) {
        return Objects.toString(f.message(), "");
    }

    /** {@code file:line:column}, {@code file} alone for line 0, or {@code <policy>} without a file. */
    static String where(Finding f) {
        String file = file(f);
        if (file == null) return "<policy>";
        int line = line(f);
        if (line == 0) return file;
        int column = column(f);
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    /**
     * The file as a URI reference for CI tools: relative to the working directory when it lies under
     * it, with forward slashes and percent-encoding; an absolute {@code file:} URI otherwise.
     */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath().normalize();
            Path normal = p.normalize();
            if (!normal.startsWith(cwd)) return normal.toUri().toASCIIString();
            path = cwd.relativize(normal).toString().replace('\\', '/');
        }
        while (path.startsWith("./")) path = path.substring(2);
        // a colon before the first slash would read as a scheme
        int colon = path.indexOf(':');
        if (colon >= 0 && (path.indexOf('/') < 0 || colon < path.indexOf('/'))) path = "./" + path;
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("file path `" + file + "` cannot be written as a uri", e);
        }
    }
}
