package io.quorate.lint.render;

import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.lint.ResilienceFigure;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The lint report for people: each finding with its place, the policy line it points at and a caret
 * under the column, advice and the check's doc page; then the suppressed findings with their reasons,
 * the resilience figures, and a summary line.
 */
public final class TextRenderer implements LintRenderer {

    private final Path root;
    private final boolean quiet;

    /** Reads the policy lines shown under findings relative to the working directory. */
    public TextRenderer() {
        this(Path.of(""));
    }

    /** @param root the directory relative file names in findings resolve against */
    public TextRenderer(Path root) {
        this(root, false);
    }

    /** @param quiet true to leave out the resilience figures, for CI logs that need only the findings */
    public TextRenderer(Path root, boolean quiet) {
        this.root = root;
        this.quiet = quiet;
    }

    @Override
    public String render(LintReport report) {
        SourceSnippets snippets = new SourceSnippets(root);
        StringBuilder out = new StringBuilder();
        for (Finding f : Rendering.unsuppressed(report)) {
            out.append(headline(f)).append('\n');
            snippets.at(Rendering.file(f), Rendering.line(f), Rendering.column(f)).ifPresent(s -> out.append(s).append('\n'));
            if (f.help() != null && !f.help().isBlank()) out.append("  help: ").append(f.help()).append('\n');
            out.append("  docs: ").append(Rendering.docPage(f)).append('\n');
            out.append('\n');
        }
        List<Finding> suppressed = Rendering.suppressed(report);
        if (!suppressed.isEmpty()) {
            out.append("suppressed:\n");
            for (Finding f : suppressed) {
                out.append("  ").append(headline(f)).append('\n');
                out.append("    reason: ").append(Objects.toString(f.suppressionReason(), "no reason given")).append('\n');
            }
            out.append('\n');
        }
        if (!quiet && !report.figures().isEmpty()) {
            out.append("resilience:\n");
            for (ResilienceFigure fig : report.figures()) out.append("  ").append(figure(fig)).append('\n');
            out.append('\n');
        }
        return out.append(summary(report)).append('\n').toString();
    }

    /** {@code file:line:column: severity[id]: account `x`: authority `y`: message}. */
    static String headline(Finding f) {
        return Rendering.where(f) + ": " + f.severity().label() + "[" + f.id() + "]: " + Rendering.contextMessage(f);
    }

    /** {@code 2 errors, 1 warning, 0 info, 1 suppressed}. */
    static String summary(LintReport report) {
        return count(report.count(Severity.ERROR), "error", "errors") + ", "
                + count(report.count(Severity.WARNING), "warning", "warnings") + ", "
                + report.count(Severity.INFO) + " info, "
                + report.suppressedCount() + " suppressed";
    }

    private static String figure(ResilienceFigure fig) {
        StringBuilder s = new StringBuilder();
        if (fig.account() != null) s.append("account `").append(fig.account()).append("`: ");
        if (fig.authority() != null) s.append(Objects.toString(fig.kind(), "authority")).append(" `").append(fig.authority()).append("`: ");
        if (fig.summary() != null && !fig.summary().isBlank()) return s.append(fig.summary()).toString();
        return s.append("fewest signers ").append(fig.minSigners())
                .append(", keys that can be lost ").append(fig.maxKeyLoss())
                .append(fig.exact() ? "" : " (bounds)").toString();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
