package io.quorate.lint;

/** Turns a lint report into one output format (text, json, sarif, junit, github). */
public interface LintRenderer {

    String render(LintReport report);
}
