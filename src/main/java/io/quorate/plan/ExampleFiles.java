package io.quorate.plan;

import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sorts what an examples folder holds: change plans (a top-level {@code steps:}), the policies
 * they start from (a top-level {@code accounts:}), and everything else, which is transactions.
 */
public final class ExampleFiles {

    public record Sorted(List<String> transactions, List<Path> plans) {
    }

    private ExampleFiles() {
    }

    /** The arguments with plans taken out and plan start policies left out; "-" and missing paths stay transactions. */
    public static Sorted sort(List<String> args) {
        List<String> transactions = new ArrayList<>();
        List<Path> plans = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.equals("-") || !Files.exists(path)) {
                transactions.add(arg);
                continue;
            }
            for (Path file : files(path)) {
                String top = topLevel(file);
                if (top.equals("plan")) plans.add(file);
                else if (!top.equals("policy")) transactions.add(file.toString());
            }
        }
        return new Sorted(transactions, plans);
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of(path);
        }
    }

    /** "plan", "policy" or "other", by the file's top-level keys (a file that does not parse is "other": its loader reports it). */
    static String topLevel(Path file) {
        try {
            YamlNode node = YamlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), new ArrayList<>()).orElse(null);
            if (node instanceof YamlMapping m && m.has("quorate") && m.has("steps")) return "plan";
            if (node instanceof YamlMapping m && m.has("quorate") && m.has("accounts")) return "policy";
        } catch (IOException | RuntimeException e) {
            return "other";
        }
        return "other";
    }
}
