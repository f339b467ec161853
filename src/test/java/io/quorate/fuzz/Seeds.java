package io.quorate.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bundled files the fuzzer starts from, read once, in a fixed order so that a seed replays. */
record Seeds(List<Path> paths, List<String> texts) {

    static Seeds under(String... dirs) {
        List<Path> paths = Stream.of(dirs).flatMap(Seeds::files).sorted().toList();
        return new Seeds(paths, paths.stream().map(Seeds::read).toList());
    }

    int size() {
        return paths.size();
    }

    private static Stream<Path> files(String dir) {
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
