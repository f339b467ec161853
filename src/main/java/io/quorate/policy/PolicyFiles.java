package io.quorate.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files of a directory tree are policy files: {@code *.yaml} and {@code *.yml} files with a
 * top-level {@code quorate:} key, outside hidden folders and not excluded. A repository's other
 * YAML (CI workflows, compose files, the examples' transactions) is skipped without a word, so a
 * whole checkout can be linted; so are policy test files ({@code *_test.yaml}), which sit beside
 * the policies they test, and change plans (a top-level {@code steps:} key beside {@code quorate:}),
 * which a repository keeps beside the policies they change.
 */
final class PolicyFiles {

    // a block mapping's key at column 0, or the first key of a flow mapping that opens the document
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^[\"']?quorate[\"']?[ \\t]*:");
    private static final Pattern FLOW_MAPPING = Pattern.compile("\\A(?:\\s|#[^\\n]*\\n|---)*\\{\\s*[\"']?quorate[\"']?\\s*:");
    // a change plan's steps, the one top-level key a policy never has
    private static final Pattern PLAN_STEPS = Pattern.compile("(?m)^[\"']?steps[\"']?[ \\t]*:");

    private PolicyFiles() {
    }

    /** The policy files under {@code dir}, unsorted. */
    static List<Path> in(Path dir, Exclusions exclusions) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (d.equals(dir)) return FileVisitResult.CONTINUE;
                return hidden(d) || exclusions.excludes(dir, d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && yaml(f) && !test(f) && !hidden(f) && !exclusions.excludes(dir, f) && isPolicy(f)) out.add(f);
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    static boolean isPolicy(Path file) throws IOException {
        // decoded byte for byte: the key is ASCII, and a file that is not UTF-8 is the loader's to report
        return isPolicy(Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    /** True when the text has a top-level {@code quorate:} key and is not a change plan. */
    static boolean isPolicy(String text) {
        return (TOP_LEVEL_KEY.matcher(text).find() || FLOW_MAPPING.matcher(text).find()) && !PLAN_STEPS.matcher(text).find();
    }

    private static boolean yaml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** A policy test file: {@code NAME_test.yaml} or {@code NAME_test.yml}. */
    static boolean test(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith("_test.yaml") || n.endsWith("_test.yml");
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".") && !name.toString().equals(".") && !name.toString().equals("..");
    }
}
