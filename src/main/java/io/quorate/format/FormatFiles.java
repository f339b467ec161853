package io.quorate.format;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.plan.PlanLoader;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.testing.TestFileLoader;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.InputLimits;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Formats files as {@code quorate fmt} does: each is loaded by its own loader first (a file that
 * does not load is reported and never rewritten), then put in canonical form, and the result is
 * loaded again before anyone writes it.
 */
public final class FormatFiles {

    public static final String UNKNOWN_FILE = "fmt-unknown-file";
    public static final String NO_POLICY = "fmt-plan-without-policy";

    public enum Outcome {
        /** Already canonical. */
        UNCHANGED,
        /** {@code after} is the canonical text. */
        CHANGED,
        /** The file does not load (or is not a file fmt knows): its diagnostics say why. */
        BAD_INPUT,
        /** Valid YAML fmt keeps as written (anchors, …): a warning. */
        LEFT_AS_IS,
        /** The canonical text would not load as the same file: a fault of the formatter. */
        INTERNAL
    }

    public record Result(Path file, Outcome outcome, String before, String after, List<Diagnostic> diagnostics) {
    }

    private FormatFiles() {
    }

    /**
     * The YAML files the arguments name: files as given, directories walked for {@code *.yaml} and
     * {@code *.yml} outside hidden folders, in sorted order. {@code explicit} collects the files
     * named directly (fmt reports those when it does not know their kind).
     */
    public static List<Path> files(List<Path> args, List<Path> explicit, List<Diagnostic> problems) {
        List<Path> out = new ArrayList<>();
        for (Path arg : args) {
            if (!Files.exists(arg)) {
                problems.add(Diagnostic.error("missing-file", SourceLocation.ofFile(arg.toString()), "no such file or directory", "check the path"));
            } else if (Files.isDirectory(arg)) {
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(arg, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(arg) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && yaml(f) && !hidden(f)) found.add(f);
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    problems.add(Diagnostic.error("unreadable-file", SourceLocation.ofFile(arg.toString()),
                            "cannot read the directory: " + e.getMessage(), null));
                }
                found.sort(null);
                out.addAll(found);
            } else {
                out.add(arg);
                explicit.add(arg);
            }
        }
        return out;
    }

    /**
     * The canonical form of {@code file}. {@code policy} is the policy set for change plans that
     * name none; {@code explicit} says the user named the file, so a file of no known kind is an error.
     */
    public static Result format(Path file, boolean explicit, Path policy, boolean canonicalKeys) {
        String name = file.toString();
        String text;
        try {
            Diagnostic oversize = InputLimits.current().oversize(file, name);
            if (oversize != null) return bad(file, null, List.of(oversize));
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return bad(file, null, List.of(Diagnostic.error("unreadable-file", SourceLocation.ofFile(name), "the file is not UTF-8 text", null)));
        } catch (IOException e) {
            return bad(file, null, List.of(Diagnostic.error("unreadable-file", SourceLocation.ofFile(name), "the file cannot be read", null)));
        }
        return format(file, text, explicit, policy, canonicalKeys);
    }

    /** As {@link #format(Path, boolean, Path, boolean)}, for {@code text} as if it were {@code file}'s content. */
    public static Result format(Path file, String text, boolean explicit, Path policy, boolean canonicalKeys) {
        String name = file.toString();
        List<Diagnostic> syntax = new ArrayList<>();
        Optional<YamlNode> root = YamlReader.read(name, text, syntax);
        if (root.isEmpty()) return bad(file, text, syntax);
        FileKind kind = FileKind.of(name, root.get());
        if (kind == null) {
            if (!explicit) return new Result(file, Outcome.UNCHANGED, text, text, List.of());
            return bad(file, text, List.of(Diagnostic.error(UNKNOWN_FILE, new SourceLocation(name, 1, 1),
                    "not a policy, transaction, change plan or test file, so fmt does not know its canonical form",
                    "policies have `accounts:`, change plans `steps:`, test files `tests:`, transactions `account:` or are a list")));
        }
        Loaded loaded;
        try {
            loaded = load(file, name, text, kind, policy);
        } catch (InputException e) {
            return bad(file, text, e.diagnostics());
        }
        KeyDirectory keys = loaded.keys();
        String after;
        try {
            after = Formatter.format(name, text, kind, keys == null ? null : (chain, t) -> {
                KeyDirectory.Resolution r = keys.resolve(chain, t);
                return r == null || r.key() == null ? null : r.key().id();
            }, canonicalKeys);
        } catch (InputException e) {
            boolean warning = e.diagnostics().stream().allMatch(d -> d.severity() == Severity.WARNING);
            return new Result(file, warning ? Outcome.LEFT_AS_IS : Outcome.INTERNAL, text, text, e.diagnostics());
        }
        if (after.equals(text)) return new Result(file, Outcome.UNCHANGED, text, text, List.of());
        try {
            // a policy that loads only with its folder was checked value by value above; loading the folder again per file costs too much
            if (loaded.alone()) load(file, name, after, kind, policy);
        } catch (InputException e) {
            return new Result(file, Outcome.INTERNAL, text, text, List.of(Diagnostic.error(Formatter.WOULD_CHANGE,
                    SourceLocation.ofFile(name), "the canonical form of this file does not load, so it is left as it is: "
                            + e.diagnostics().get(0).message(), "this is a fault of `quorate fmt`; the file itself is fine")));
        }
        return new Result(file, Outcome.CHANGED, text, after, List.of());
    }

    private static Result bad(Path file, String text, List<Diagnostic> diagnostics) {
        return new Result(file, Outcome.BAD_INPUT, text, text, diagnostics);
    }

    /** What loading a file found: the keys it can name (null without a policy set), and whether it loads on its own. */
    private record Loaded(KeyDirectory keys, boolean alone) {
    }

    /** Loads {@code text} as its kind's loader does. */
    private static Loaded load(Path file, String name, String text, FileKind kind, Path policy) throws InputException {
        return switch (kind) {
            case TRANSACTIONS -> {
                TransactionLoader.load(name, text);
                yield new Loaded(null, true);
            }
            case POLICY -> {
                try {
                    yield new Loaded(KeyDirectory.of(PolicyLoader.load(name, text)), true);
                } catch (InputException alone) {
                    yield new Loaded(KeyDirectory.of(policyContext(file, alone)), false);
                }
            }
            case PLAN -> {
                Path start = PlanLoader.policyOf(file);
                if (start == null) start = policy;
                if (start == null) {
                    throw new InputException(List.of(Diagnostic.error(NO_POLICY, new SourceLocation(name, 1, 1),
                            "the change plan names no `policy:`, so it cannot be loaded", "add `policy: FILE` or give `--policy PATH`")));
                }
                PolicySet set = PolicyLoader.load(List.of(start));
                PlanLoader.load(name, text, set);
                yield new Loaded(KeyDirectory.of(set), true);
            }
            case TESTS -> {
                // the test runner's own loader: the cases, their policy and keys, with its diagnostics
                TestFileLoader.load(file, text, policy == null ? List.of() : List.of(policy));
                yield new Loaded(null, true);
            }
        };
    }

    /**
     * The policy set of the file's folder, for a file that does not load alone (a file may name
     * keys another file of its set declares); the file's own problems when the folder does not load.
     */
    private static PolicySet policyContext(Path file, InputException alone) throws InputException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) throw alone;
        try {
            return folderSet(dir);
        } catch (InputException | IOException e) {
            throw alone;
        }
    }

    /** Folder sets already loaded, by folder and the size and time of each file in it: a folder of many files loads once. */
    private static final Map<String, PolicySet> FOLDERS = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PolicySet> eldest) {
            return size() > 4;
        }
    };

    private static PolicySet folderSet(Path dir) throws InputException, IOException {
        StringBuilder key = new StringBuilder(dir.toString());
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(FormatFiles::yaml).sorted().toList()) {
                key.append('\n').append(f).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis());
            }
        }
        synchronized (FOLDERS) {
            PolicySet cached = FOLDERS.get(key.toString());
            if (cached != null) return cached;
        }
        PolicySet set = PolicyLoader.load(List.of(dir));
        synchronized (FOLDERS) {
            FOLDERS.put(key.toString(), set);
        }
        return set;
    }

    private static boolean yaml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".") && !name.toString().equals(".") && !name.toString().equals("..");
    }
}
