package io.quorate.lint.render;

import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;

/**
 * The lint report as GitHub Actions workflow commands, one per unsuppressed finding, so that findings
 * show as annotations on the policy files: {@code ::error file=F,line=L,col=C,title=ID::message}.
 */
public final class GithubRenderer implements LintRenderer {

    @Override
    public String render(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : Rendering.unsuppressed(report)) out.append(command(f)).append('\n');
        return out.toString();
    }

    static String command(Finding f) {
        StringBuilder props = new StringBuilder();
        String file = Rendering.file(f);
        if (file != null) {
            props.append("file=").append(property(file.replace('\\', '/')));
            if (Rendering.line(f) > 0) {
                props.append(",line=").append(Rendering.line(f));
                if (Rendering.column(f) > 0) props.append(",col=").append(Rendering.column(f));
            }
            props.append(',');
        }
        props.append("title=").append(property(f.id()));
        String message = Rendering.contextMessage(f);
        if (f.help() != null && !f.help().isBlank()) message += "\nhelp: " + f.help();
        return "::" + command(f.severity()) + " " + props + "::" + data(message);
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** A command's message: {@code %}, CR and LF are escaped, as the runner unescapes them. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,}, which would end the value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
