package io.quorate.policy;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.ConditionsReader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.InputLimits;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import io.quorate.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a policy set from YAML (or JSON) files. Every problem of every file is collected, and
 * all of them are thrown together as one {@link InputException}; a user never sees a stack trace.
 * Key names are read from all files before any account, because a file may use the keys
 * another file names.
 */
public final class PolicyLoader {

    public static final int FORMAT_VERSION = 1;

    static final String UNSUPPORTED_VERSION = "unsupported-version";
    static final String DUPLICATE_ACCOUNT = "duplicate-account";
    static final String DUPLICATE_KEY_NAME = "duplicate-key-name";
    static final String UNKNOWN_CHAIN = "unknown-chain";
    static final String MISSING_FILE = "missing-file";
    static final String NO_POLICY_FILES = "no-policy-files";
    static final String READ_ERROR = "read-error";


    /** One policy file: the name locations use, the path the revision hashes, and its text. */
    private record Source(String name, String revisionPath, String content) {
    }

    private PolicyLoader() {
    }

    /**
     * Loads the files and directories in {@code paths}. A directory is searched recursively for
     * policy files ({@link PolicyFiles}: {@code *.yaml} and {@code *.yml} with a top-level
     * {@code quorate:} key, outside hidden folders), in sorted order; locations name each file by
     * the path given joined with its path inside the directory.
     */
    public static PolicySet load(List<Path> paths) throws InputException {
        return load(paths, Exclusions.NONE);
    }

    /** As {@link #load(List)}, leaving out the files and folders {@code excluded} names. */
    public static PolicySet load(List<Path> paths, Exclusions excluded) throws InputException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        if (paths.isEmpty()) {
            diagnostics.add(Diagnostic.error(NO_POLICY_FILES, SourceLocation.ofFile("."), "no policy files given", null));
        }
        for (Path given : paths) {
            if (Files.isDirectory(given)) {
                List<Path> files = policyFiles(given, excluded, diagnostics);
                if (files != null && files.isEmpty()) {
                    diagnostics.add(Diagnostic.error(NO_POLICY_FILES, SourceLocation.ofFile(given.toString()),
                            "no policy files in this directory", "a policy file is a `*.yaml` or `*.yml` file starting with `quorate: 1`"));
                }
                for (Path file : files == null ? List.<Path>of() : files) {
                    String relative = slashes(given.relativize(file));
                    read(file, given.resolve(given.relativize(file)).toString(), relative, seen, sources, diagnostics);
                }
            } else if (Files.exists(given)) {
                if (excluded.excludes(given)) continue;
                Path name = given.getFileName();
                read(given, given.toString(), name == null ? given.toString() : name.toString(), seen, sources, diagnostics);
            } else {
                diagnostics.add(Diagnostic.error(MISSING_FILE, SourceLocation.ofFile(given.toString()), "no such file or directory", null));
            }
        }
        if (!paths.isEmpty() && sources.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(NO_POLICY_FILES, SourceLocation.ofFile(paths.get(0).toString()),
                    "every policy file given is excluded", "check the exclude globs"));
        }
        return load(sources, diagnostics);
    }

    /** Loads one policy file given as text; {@code fileName} is what locations call it. */
    public static PolicySet load(String fileName, String content) throws InputException {
        return load(new ArrayList<>(List.of(new Source(fileName, fileName, content))), new ArrayList<>());
    }

    private static List<Path> policyFiles(Path dir, Exclusions excluded, List<Diagnostic> diagnostics) {
        try {
            return PolicyFiles.in(dir, excluded).stream()
                    .sorted(Comparator.comparing(p -> slashes(dir.relativize(p))))
                    .toList();
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.error(READ_ERROR, SourceLocation.ofFile(dir.toString()), "the directory cannot be read", null));
            return null;
        }
    }

    private static void read(Path file, String name, String revisionPath, Set<Path> seen, List<Source> sources, List<Diagnostic> diagnostics) {
        try {
            if (!seen.add(file.toRealPath())) return;
            Diagnostic oversize = InputLimits.current().oversize(file, name);
            if (oversize != null) {
                diagnostics.add(oversize);
                return;
            }
            sources.add(new Source(name, revisionPath, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(READ_ERROR, SourceLocation.ofFile(name), "the file is not UTF-8 text", null));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(READ_ERROR, SourceLocation.ofFile(name), "the file cannot be read", null));
        }
    }

    private static String slashes(Path p) {
        return Arrays.stream(p.toString().split(java.util.regex.Pattern.quote(p.getFileSystem().getSeparator())))
                .collect(Collectors.joining("/"));
    }

    private static PolicySet load(List<Source> sources, List<Diagnostic> diagnostics) throws InputException {
        Expect x = new Expect(diagnostics);
        // The revision is hashed before parsing, so each file's text can be let go once its tree is read.
        MessageDigest revision = sourcesDigest(sources);
        Map<Source, YamlMapping> roots = new LinkedHashMap<>();
        List<NamedKey> keys = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            YamlMapping root = root(x, s);
            s = new Source(s.name(), s.revisionPath(), null);
            sources.set(i, s);
            if (root == null) continue;
            roots.put(s, root);
            keys.addAll(namedKeys(x, s.name(), root));
        }
        // The list the policy keeps (List.copyOf of an immutable list is itself), so the compiler finds the resolver's directory.
        keys = List.copyOf(keys);
        KeyResolver resolver = new KeyResolver(keys);
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        List<ConditionsReader.AccountEntry> conditions = new ArrayList<>();
        roots.forEach((s, root) -> accounts(new AuthorityReader(x, resolver, s.name()), root, accounts, suppressions, conditions));
        List<ConditionsReader.Root> conditionRoots = new ArrayList<>();
        roots.forEach((s, root) -> conditionRoots.add(new ConditionsReader.Root(s.name(), root)));
        ConditionSet conditionSet = ConditionsReader.read(x, resolver, conditionRoots, conditions);
        if (!diagnostics.isEmpty()) throw new InputException(diagnostics);
        return new PolicySet(accounts, keys, revision(revision, conditionSet.listFiles()), suppressions, conditionSet);
    }

    /** The file's top-level mapping when it declares a version this loader reads, else null (reported). */
    private static YamlMapping root(Expect x, Source s) {
        Optional<YamlNode> parsed = YamlReader.read(s.name(), s.content(), x.diagnostics());
        if (parsed.isEmpty()) return null;
        YamlNode node = parsed.get();
        if (node instanceof YamlScalar scalar && scalar.isNull()) {
            x.error(Expect.MISSING_FIELD, node.at(), "the policy file is empty: missing field `quorate`", "start the file with `quorate: 1`");
            return null;
        }
        YamlMapping root = x.mapping(node, "policy file");
        if (root == null) return null;
        x.onlyFields(root, "policy file", PolicyForm.TOP);
        YamlNode version = root.get("quorate");
        if (version == null) {
            x.error(Expect.MISSING_FIELD, root.at(), "policy file: missing field `quorate`", "start the file with `quorate: 1`");
        } else if (!(version instanceof YamlScalar v && v.kind() == YamlScalar.Kind.INT && v.text().equals(String.valueOf(FORMAT_VERSION)))) {
            x.error(UNSUPPORTED_VERSION, version.at(), "policy file: format version " + version.describe() + " is not supported",
                    "this version of quorate reads `quorate: " + FORMAT_VERSION + "`");
            return null;
        }
        return root;
    }

    private static List<NamedKey> namedKeys(Expect x, String file, YamlMapping root) {
        return namedKeys(x, root.get("keys"), DUPLICATE_KEY_NAME);
    }

    /**
     * The named keys of a {@code keys:} mapping (absent or null: none), each a key text or
     * {@code {key, holder}}, as policies, change plans and test files write them; a name given
     * twice is reported under {@code duplicateCode}.
     */
    public static List<NamedKey> namedKeys(Expect x, YamlNode node, String duplicateCode) {
        List<NamedKey> out = new ArrayList<>();
        if (node == null || node instanceof YamlScalar s && s.isNull()) return out;
        YamlMapping keys = x.mapping(node, "`keys`", duplicateCode, "key name");
        if (keys == null) return out;
        for (YamlMapping.Entry e : keys.entries()) {
            String c = "key `" + e.key() + "`";
            if (e.value() instanceof YamlMapping m) {
                x.onlyFields(m, c, PolicyForm.HELD_KEY);
                YamlNode k = x.required(m, PolicyForm.HELD_KEY, "key", c);
                String text = k == null ? null : x.string(k, c + ": `key`");
                String holder = m.value("holder") == null ? null : x.string(m.get("holder"), c + ": `holder`");
                if (text != null) out.add(new NamedKey(e.key(), text, holder, e.keyAt()));
            } else {
                String text = x.string(e.value(), c);
                if (text != null) out.add(new NamedKey(e.key(), text, null, e.keyAt()));
            }
        }
        return out;
    }

    private static void accounts(AuthorityReader in, YamlMapping root, Map<String, Account> accounts, List<Suppression> suppressions,
            List<ConditionsReader.AccountEntry> conditions) {
        Requirements requirements = requirements(in.x, root);
        if (root.value("accounts") == null) return;
        YamlMapping m = in.x.mapping(root.get("accounts"), "`accounts`", DUPLICATE_ACCOUNT, "account");
        if (m == null) return;
        for (YamlMapping.Entry e : m.entries()) {
            Account previous = accounts.get(e.key());
            if (previous != null) {
                in.x.error(DUPLICATE_ACCOUNT, e.keyAt(), "account `" + e.key() + "` is already declared at " + previous.at(),
                        "account names are unique across the policy set");
                continue;
            }
            // an account's conditions are the organisation's, read apart from the chain's fields
            YamlMapping.Entry own = e.value() instanceof YamlMapping wm ? wm.entry(CONDITIONS) : null;
            Account a = account(in, own == null ? e : withoutConditions(in.x, e), requirements);
            if (a == null) continue;
            accounts.put(e.key(), a);
            if (own != null) conditions.add(new ConditionsReader.AccountEntry(e.key(), a.chain(), in.file, own));
            if (e.value() instanceof YamlMapping written) suppressions.addAll(SuppressionReader.read(in.x, e.key(), a.chain(), written));
        }
    }

    private static final String CONDITIONS = "conditions";

    /** The account without its {@code conditions} field (a repeated one is reported here, the chain's reader never sees it). */
    private static YamlMapping.Entry withoutConditions(Expect x, YamlMapping.Entry e) {
        YamlMapping m = (YamlMapping) e.value();
        List<YamlMapping.Entry> kept = m.entries().stream().filter(f -> !f.key().equals(CONDITIONS)).toList();
        List<YamlMapping.Entry> duplicates = new ArrayList<>();
        for (YamlMapping.Entry d : m.duplicates()) {
            if (!d.key().equals(CONDITIONS)) {
                duplicates.add(d);
                continue;
            }
            x.error(Expect.DUPLICATE_KEY, d.keyAt(), "account `" + e.key() + "`: field `conditions` is given twice (first at line "
                    + m.entry(CONDITIONS).keyAt().line() + ")", "remove one of them");
        }
        return new YamlMapping.Entry(e.key(), e.keyAt(), new YamlMapping(kept, duplicates, m.at()));
    }

    private static Account account(AuthorityReader in, YamlMapping.Entry e, Requirements requirements) {
        String context = "account `" + e.key() + "`";
        YamlMapping m = in.x.mapping(e.value(), context);
        if (m == null) return null;
        YamlNode chainNode = in.x.required(m, "chain", context);
        String id = chainNode == null ? null : in.x.string(chainNode, context + ": `chain`");
        if (id == null) return null;
        Chain chain = Chain.byId(id);
        if (chain == null) {
            List<String> ids = Chain.all().stream().map(Chain::id).toList();
            String suggestion = Suggest.didYouMean(id, ids);
            in.x.error(UNKNOWN_CHAIN, chainNode.at(), context + ": unknown chain `" + id + "`",
                    suggestion != null ? suggestion : "expected one of " + String.join(", ", ids));
            return null;
        }
        return ChainSyntaxes.of(chain).read(in, e.key(), e.keyAt(), m, requirements);
    }

    private static Requirements requirements(Expect x, YamlMapping root) {
        if (root.value("requirements") == null) return Requirements.NONE;
        YamlMapping m = x.mapping(root.get("requirements"), "`requirements`");
        if (m == null) return Requirements.NONE;
        x.onlyFields(m, "`requirements`", PolicyForm.REQUIREMENTS);
        return new Requirements(count(x, m, "min_signers"), count(x, m, "survive_key_loss"), count(x, m, "distinct_holders"),
                root.entry("requirements").keyAt());
    }

    private static Integer count(Expect x, YamlMapping m, String field) {
        return m.value(field) == null ? null : x.integerInt(m.get(field), "`requirements`: `" + field + "`", PolicyForm.COUNT);
    }

    /**
     * {@code sha256:} over each file's relative path and content, in path order, then over the
     * list files the conditions read (their path and content hash), so editing a list is a new
     * revision. This is the first part: the files, hashed while their text is still held.
     */
    private static MessageDigest sourcesDigest(List<Source> sources) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        for (Source s : sources.stream().sorted(Comparator.comparing(Source::revisionPath).thenComparing(Source::name)).toList()) {
            byte[] path = s.revisionPath().getBytes(StandardCharsets.UTF_8);
            byte[] content = s.content().getBytes(StandardCharsets.UTF_8);
            sha.update(path);
            sha.update((byte) 0);
            sha.update(String.valueOf(content.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(content);
        }
        return sha;
    }

    /** The revision: {@code sha} of the files, then the list files the conditions read. */
    private static String revision(MessageDigest sha, Map<String, String> listFiles) {
        for (Map.Entry<String, String> list : listFiles.entrySet()) {
            sha.update((byte) 1);
            sha.update(list.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(list.getValue().getBytes(StandardCharsets.US_ASCII));
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
