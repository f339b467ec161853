package io.quorate.lint;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.conditions.NamedList;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each entry of a list is written: the line of a list's file ({@code {file: …}}), or the
 * entry's place in the policy file. Lists keep their entries as a set, so the files are read again
 * here, once each; an entry that cannot be found again (a policy not read from a file) is placed at
 * the list itself.
 */
final class ListEntryLines {

    private final Map<String, Optional<YamlNode>> documents = new HashMap<>();
    private final Map<String, Map<String, SourceLocation>> byList = new HashMap<>();

    /** Where {@code entry} of {@code list} is written. */
    SourceLocation of(NamedList list, String entry) {
        Map<String, SourceLocation> lines = byList.computeIfAbsent(list.name() + "\u0000" + list.at(), k -> locate(list));
        return lines.getOrDefault(entry, list.at());
    }

    private Map<String, SourceLocation> locate(NamedList list) {
        Map<String, SourceLocation> out = new HashMap<>();
        if (list.file() != null) {
            List<String> lines = read(Path.of(list.file()));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) continue;
                out.putIfAbsent(entry, new SourceLocation(list.file(), i + 1, line.indexOf(entry) + 1));
            }
            return out;
        }
        SourceLocation at = list.at();
        if (at == null || at.file() == null) return out;
        Optional<YamlNode> doc = documents.computeIfAbsent(at.file(), f -> {
            List<String> lines = read(Path.of(f));
            if (lines.isEmpty()) return Optional.empty();
            return YamlReader.read(f, String.join("\n", lines) + "\n", new ArrayList<>());
        });
        YamlSequence seq = doc.map(d -> find(d, at)).orElse(null);
        if (seq == null) return out;
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlScalar s && s.text() != null) out.putIfAbsent(s.text(), s.at());
        }
        return out;
    }

    /** The sequence written at {@code at}, or the value of the mapping key written there. */
    private static YamlSequence find(YamlNode node, SourceLocation at) {
        if (node instanceof YamlSequence s) {
            if (s.at().equals(at)) return s;
            for (YamlNode item : s.items()) {
                YamlSequence found = find(item, at);
                if (found != null) return found;
            }
        } else if (node instanceof YamlMapping m) {
            for (YamlMapping.Entry e : m.entries()) {
                if (e.keyAt().equals(at) && e.value() instanceof YamlSequence s) return s;
                YamlSequence found = find(e.value(), at);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static List<String> read(Path path) {
        try {
            if (!Files.isRegularFile(path)) return List.of();
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            // the entry is then placed at its list: the finding stays, only its line is coarser
            return List.of();
        }
    }
}
