package io.quorate.format;

/** YAML the formatter leaves as written (anchors, complex keys, …): the file is reported and not rewritten. */
final class Unsupported extends Exception {

    final int line;
    final int column;

    Unsupported(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }
}
