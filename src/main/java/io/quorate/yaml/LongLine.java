package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;

/**
 * Finds a line too long for the YAML reader. SnakeYAML's reader copies its whole window each
 * time what it scans (a word, a run of spaces, a comment, a line of a block scalar) outgrows it,
 * so each costs the square of its length: a line of 2 MB took 7 to 25 s. JSON is read without
 * that cost, so JSON files are not checked.
 */
final class LongLine {

    /** 256 K characters: a 128 KB Casper module in hex still fits on a line; it reads in about 0.1 s. */
    static final int MAX = 256 * 1024;

    private LongLine() {
    }

    /** A {@code long-line} diagnostic at the first line longer than {@code max}, or null. */
    static Diagnostic find(String file, String content, int max) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\n') line++;
                lineStart = i + 1;
            } else if (i - lineStart >= max) {
                return Diagnostic.error(InputLimits.TOO_LONG_LINE, new SourceLocation(file, line, max + 1),
                        "the line is longer than " + max + " characters",
                        "break the line, or write a value this long in a `.json` file, which reads it without this limit");
            }
        }
        return null;
    }
}
