package io.quorate.diag;

/** A place in a user's file: 1-based line and column. {@code line == 0} means "the file as a whole". */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
