package io.quorate.diag;

import java.util.Comparator;

/**
 * One problem found in user input: a stable kebab-case code, a message written for people,
 * where it is, and optional advice on how to fix it.
 */
public record Diagnostic(String code, Severity severity, String message, SourceLocation at, String help) {

    public static final Comparator<Diagnostic> BY_LOCATION = Comparator
            .comparing((Diagnostic d) -> d.at().file())
            .thenComparingInt(d -> d.at().line())
            .thenComparingInt(d -> d.at().column())
            .thenComparing(Diagnostic::code);

    public static Diagnostic error(String code, SourceLocation at, String message, String help) {
        return new Diagnostic(code, Severity.ERROR, message, at, help);
    }

    /** {@code file:line:column: error[code]: message} followed by an indented help line. */
    public String render() {
        String head = at + ": " + severity.label() + "[" + code + "]: " + message;
        return help == null || help.isBlank() ? head : head + "\n  help: " + help;
    }
}
