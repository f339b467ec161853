package io.quorate.lint.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lines of the policy files findings point into, read once each, with a caret under a column. */
final class SourceSnippets {

    private final Path root;
    private final Map<String, Optional<List<String>>> files = new HashMap<>();

    /** @param root the directory relative file names resolve against */
    SourceSnippets(Path root) {
        this.root = root;
    }

    /**
     * The line itself and a caret under the column, both behind a gutter with the line number; empty
     * when the file cannot be read or is shorter than that.
     */
    Optional<String> at(String file, int line, int column) {
        if (file == null || line <= 0) return Optional.empty();
        Optional<List<String>> lines = files.computeIfAbsent(file, this::read);
        if (lines.isEmpty() || line > lines.get().size()) return Optional.empty();
        String text = lines.get().get(line - 1);
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        StringBuilder s = new StringBuilder()
                .append(' ').append(number).append(" | ").append(text).append('\n')
                .append(' ').append(gutter).append(" |");
        if (column > 0) s.append(' ').append(padding(text, column)).append('^');
        return Optional.of(s.toString());
    }

    /** What goes before the caret: the line's own tabs kept, so the caret lines up under any tab width. */
    private static String padding(String text, int column) {
        int upTo = Math.min(column - 1, text.length());
        StringBuilder pad = new StringBuilder(upTo);
        for (int i = 0; i < upTo; i++) pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
        return pad.toString();
    }

    private Optional<List<String>> read(String file) {
        try {
            Path p = Path.of(file);
            Path path = p.isAbsolute() ? p : root.resolve(p);
            if (!Files.isRegularFile(path)) return Optional.empty();
            return Optional.of(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            // the snippet only helps; a report without it is still the report
            return Optional.empty();
        }
    }
}
