package io.quorate.testing;

import io.quorate.plan.ExampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the paths given to {@code quorate test} hold: policy test files ({@code *_test.yaml}, and
 * policy files with their own {@code tests:}), and everything else as examples (transaction files
 * with {@code expect:} fields and example change plans). The {@code --policy} paths are searched
 * for test files too, since tests sit beside the policies.
 */
public final class TestFiles {

    private static final Pattern TESTS = Pattern.compile("(?m)^[\"']?tests[\"']?[ \\t]*:");
    private static final Pattern ACCOUNTS = Pattern.compile("(?m)^[\"']?accounts[\"']?[ \\t]*:");
    private static final Pattern QUORATE = Pattern.compile("(?m)^[\"']?quorate[\"']?[ \\t]*:");

    /**
     * The test files, the examples as {@link ExampleFiles} sorts them, and the policy files found
     * under every path (the arguments and {@code --policy}) but those an example plan under the
 * arguments starts from (unless {@code --policy} names them too): coverage counts each of their accounts.
     */
    public record Found(List<Path> tests, List<String> transactions, List<Path> plans, List<Path> policies) {
    }

    private TestFiles() {
    }

    public static Found find(List<String> args, List<Path> policy) {
        Set<Path> seen = new LinkedHashSet<>();
        Set<Path> policies = new LinkedHashSet<>();
        Set<Path> givenPolicies = new LinkedHashSet<>();
        List<Path> tests = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.equals("-") || !Files.exists(path)) {
                examples.add(arg);
                continue;
            }
            for (Path file : files(path)) {
                if (isPolicy(file)) policies.add(file);
                if (hasTests(file)) {
                    if (seen.add(file.toAbsolutePath().normalize())) tests.add(file);
                } else {
                    examples.add(file.toString());
                }
            }
        }
        for (Path p : policy) {
            if (!Files.exists(p)) continue;
            for (Path file : files(p)) {
                if (isPolicy(file)) givenPolicies.add(file);
                if (hasTests(file) && seen.add(file.toAbsolutePath().normalize())) tests.add(file);
            }
        }
        ExampleFiles.Sorted sorted = ExampleFiles.sort(examples);
        // a policy an example plan starts from is the plan's input, checked by the plan: it counts when --policy names it
        Set<Path> starts = new java.util.HashSet<>();
        for (Path plan : sorted.plans()) {
            try {
                Path start = io.quorate.plan.PlanLoader.policyOf(plan);
                if (start != null) starts.add(start.toAbsolutePath().normalize());
            } catch (io.quorate.diag.InputException e) {
                // the plan's own problems are reported when it runs
            }
        }
        policies.removeIf(f -> starts.contains(f.toAbsolutePath().normalize()));
        policies.addAll(givenPolicies);
        return new Found(tests, sorted.transactions(), sorted.plans(), List.copyOf(policies));
    }

    /**
     * A test file by its name, or a policy file with {@code tests:}; a file with top-level
     * {@code quorate:} and {@code tests:} is read as a test file whatever its name, so that a
     * misnamed one is reported as a test file rather than as a transaction.
     */
    public static boolean hasTests(Path file) {
        if (TestFileLoader.isTestFile(file)) return true;
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".yaml") && !n.endsWith(".yml")) return false;
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return TESTS.matcher(text).find() && (ACCOUNTS.matcher(text).find() || QUORATE.matcher(text).find());
        } catch (IOException e) {
            return false;
        }
    }

    /** A policy file: YAML with top-level {@code quorate:} and {@code accounts:}, not named as a test file. */
    public static boolean isPolicy(Path file) {
        if (TestFileLoader.isTestFile(file)) return false;
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".yaml") && !n.endsWith(".yml")) return false;
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return ACCOUNTS.matcher(text).find() && QUORATE.matcher(text).find();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(path, p))
                    .filter(p -> {
                        String n = p.toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            return List.of(path);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
