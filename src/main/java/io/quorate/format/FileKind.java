package io.quorate.format;

import io.quorate.signatures.NativeTransaction;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlSequence;
import java.util.List;
import java.util.Locale;

/** The kinds of file the formatter rewrites, told apart by their top-level fields as the loaders tell them apart. */
public enum FileKind {
    POLICY("policy"),
    TRANSACTIONS("transaction file"),
    PLAN("change plan"),
    TESTS("test file");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The kind of the document {@code root} read from {@code fileName}, or null when it is none of
     * them (a CI workflow, a compose file), which a directory walk passes over.
     */
    public static FileKind of(String fileName, YamlNode root) {
        if (root instanceof YamlSequence) return TRANSACTIONS;
        if (!(root instanceof YamlMapping m)) return null;
        if (m.has("accounts")) return POLICY;
        if (m.has("steps")) return PLAN;
        String name = fileName.toLowerCase(Locale.ROOT);
        if (m.has("tests") || name.endsWith("_test.yaml") || name.endsWith("_test.yml")) return TESTS;
        if (m.has("transactions") || m.has("account") || m.has("actions") || m.has("action")) return TRANSACTIONS;
        List<String> natives = NativeTransaction.all().values().stream().map(NativeTransaction::field).toList();
        for (String field : natives) {
            if (m.has(field)) return TRANSACTIONS;
        }
        return null;
    }
}
