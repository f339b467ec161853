package io.quorate.lint;

import io.quorate.diag.Severity;

/**
 * A lint check's metadata, as the registry lists it: its stable id (kebab-case; never renamed),
 * default severity, category, one-line summary, advice on fixing what it finds, and its doc page.
 */
public record CheckInfo(String id, Severity severity, String category, String summary, String help) {

    /** The check's documentation page, relative to the repository root. */
    public String docPage() {
        return "docs/checks/" + id + ".md";
    }
}
