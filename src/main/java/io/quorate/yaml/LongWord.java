package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;

/**
 * Finds a word (characters between spaces and line breaks) too long for the YAML reader.
 * SnakeYAML's reader copies its whole window each time a token outgrows it, so one token costs
 * the square of its length: a 2 MB word took 7 s and a 20 MB one would take minutes. JSON is
 * read without that cost, so JSON files are not checked.
 */
final class LongWord {

    /** 256 K characters: a 128 KB Casper module in hex still fits; it reads in about 0.1 s. */
    static final int MAX = 256 * 1024;

    private LongWord() {
    }

    /** A {@code long-word} diagnostic at the first word longer than {@code max}, or null. */
    static Diagnostic find(String file, String content, int max) {
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            run = c == ' ' || c == '\n' || c == '\r' || c == '\t' ? 0 : run + 1;
            if (run > max) return at(file, content, i + 1 - run);
        }
        return null;
    }

    private static Diagnostic at(String file, String content, int start) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Diagnostic.error(InputLimits.TOO_LONG_WORD, new SourceLocation(file, line, start - lineStart + 1),
                "a word of more than " + MAX + " characters without a space starts here",
                "write a value this long in a `.json` file, which reads it without this limit");
    }
}
