package io.quorate.testing;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.CheckRegistry;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.InputLimits;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a policy test file ({@code *_test.yaml}) or the {@code tests:} of a policy file. Every
 * problem is a diagnostic with file, line and column; all of them are thrown together.
 */
public final class TestFileLoader {

    static final String DUPLICATE_CASE = "duplicate-case-name";
    static final String CONFLICTING_FIELDS = "conflicting-fields";
    static final String MISSING_POLICY = "missing-policy";
    static final String MISSING_FILE = "missing-file";
    static final String UNKNOWN_CHECK = "unknown-check";
    static final String READ_ERROR = "read-error";

    /** A {@code subsets} rule runs every subset of {@code of}: 2^16 decisions is as far as a test file should go. */
    public static final int MAX_SUBSET_KEYS = 16;

    private static final List<String> TOP = TestFileForm.document().names();
    private static final List<String> CASE_FIELDS = List.of("name", "transaction", "expect", "each", "subsets", "lint", "plan");
    private static final List<String> EXPECT_FIELDS = TestFileForm.EXPECTED.names();
    private static final List<String> PLAN_VERDICTS = List.of("safe", "unsafe", "rejected");
    private static final List<String> STEP_VERDICTS = List.of("ok", "unsafe", "rejected");

    private TestFileLoader() {
    }

    /** True for a file named {@code NAME_test.yaml} or {@code NAME_test.yml}. */
    public static boolean isTestFile(Path file) {
        Path name = file.getFileName();
        if (name == null) return false;
        String n = name.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith("_test.yaml") || n.endsWith("_test.yml");
    }

    /**
     * The test file at {@code path}; {@code fallbackPolicy} is the command line's {@code --policy},
     * used when the file names no policy and no policy file sits beside it with its name.
     */
    public static TestFile load(Path path, List<Path> fallbackPolicy) throws InputException {
        String name = path.toString();
        String text;
        try {
            Diagnostic oversize = InputLimits.current().oversize(path, name);
            if (oversize != null) throw new InputException(List.of(oversize));
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw failure(READ_ERROR, name, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw failure(Files.exists(path) ? READ_ERROR : MISSING_FILE, name, Files.exists(path) ? "the file cannot be read" : "no such file");
        }
        return load(path, text, fallbackPolicy);
    }

    /** The test file {@code path} whose text is {@code text}. */
    public static TestFile load(Path path, String text, List<Path> fallbackPolicy) throws InputException {
        List<Diagnostic> problems = new ArrayList<>();
        Expect x = new Expect(problems);
        Optional<YamlNode> parsed = YamlReader.read(path.toString(), text, problems);
        if (parsed.isEmpty()) throw new InputException(problems);
        YamlNode node = parsed.get();
        if (node instanceof YamlScalar s && s.isNull()) {
            x.error(Expect.MISSING_FIELD, node.at(), "the test file is empty", "write `quorate: 1` and `tests:`");
            throw new InputException(problems);
        }
        YamlMapping root = x.mapping(node, "test file");
        if (root == null) throw new InputException(problems);
        boolean embedded = root.has("accounts");
        List<Path> policy;
        List<NamedKey> keys = List.of();
        if (embedded) {
            // a policy file's own tests: the policy loader reads the rest of the file
            policy = List.of(path);
        } else {
            x.onlyFields(root, "test file", TOP);
            YamlNode version = x.required(root, "quorate", "test file");
            if (version != null) x.integer(version, "`quorate`", new IntRange(1, 1, "the format version"));
            policy = policy(x, path, root, fallbackPolicy);
            keys = PolicyLoader.namedKeys(x, root.get("keys"), Expect.DUPLICATE_KEY);
        }
        List<TestCase> cases = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        YamlNode tests = embedded ? root.get("tests") : x.required(root, "tests", "test file");
        List<YamlNode> items = x.list(tests, "`tests`");
        if (tests instanceof YamlSequence seq && seq.items().isEmpty()) {
            x.error(Expect.MISSING_FIELD, tests.at(), "`tests`: no cases", "write at least one case: `- name: …`");
        }
        for (int i = 0; i < items.size(); i++) {
            TestCase c = testCase(x, path, items.get(i), i + 1);
            if (c == null) continue;
            SourceLocation first = names.putIfAbsent(c.name(), c.at());
            if (first != null) {
                x.error(DUPLICATE_CASE, c.node().get("name").at(), "test `" + c.name() + "`: the name is already used at line "
                        + first.line(), "give every case its own name");
                continue;
            }
            cases.add(c);
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new TestFile(path, text, policy, keys, cases, embedded);
    }

    private static InputException failure(String code, String file, String message) {
        return new InputException(List.of(Diagnostic.error(code, SourceLocation.ofFile(file), message, null)));
    }

    /** The policy under test: {@code policy:}, else the file named like this one without {@code _test}, else the fallback. */
    private static List<Path> policy(Expect x, Path path, YamlMapping root, List<Path> fallback) {
        Path dir = path.toAbsolutePath().getParent();
        YamlNode given = root.value("policy");
        if (given != null) {
            List<String> texts = given instanceof YamlSequence ? x.strings(given, "`policy`") : nonNull(x.string(given, "`policy`"));
            List<Path> out = new ArrayList<>();
            for (String t : texts) {
                Path p = relative(path, t);
                if (!Files.exists(p)) {
                    x.error(MISSING_FILE, given.at(), "`policy`: `" + t + "` does not exist", "paths are relative to the test file's folder"
                            + (dir == null ? "" : " (`" + path.getParent() + "`)"));
                }
                out.add(p);
            }
            return out;
        }
        String file = path.getFileName().toString();
        int cut = file.toLowerCase(java.util.Locale.ROOT).lastIndexOf("_test.");
        if (cut > 0) {
            for (String ext : List.of(".yaml", ".yml")) {
                Path sibling = path.resolveSibling(file.substring(0, cut) + ext);
                if (Files.isRegularFile(sibling)) return List.of(sibling);
            }
        }
        if (!fallback.isEmpty()) return fallback;
        x.error(MISSING_POLICY, root.at(), "test file: no policy to test", "name it with `policy: FILE`, put the test beside `"
                + (cut > 0 ? file.substring(0, cut) : "NAME") + ".yaml`, or give `--policy`");
        return List.of();
    }

    private static List<String> nonNull(String s) {
        return s == null ? List.of() : List.of(s);
    }

    private static Path relative(Path file, String text) {
        Path parent = file.getParent();
        return parent == null ? Path.of(text) : parent.resolve(text).normalize();
    }

    private static TestCase testCase(Expect x, Path file, YamlNode node, int index) {
        YamlMapping m = x.mapping(node, "test " + index);
        if (m == null) return null;
        YamlNode nameNode = x.required(m, "name", "test " + index);
        String name = nameNode == null ? null : x.string(nameNode, "test " + index + ": `name`");
        String c = name == null ? "test " + index : "test `" + name + "`";
        x.onlyFields(m, c, CASE_FIELDS);
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("transaction", "lint", "plan")) if (m.has(kind)) kinds.add(kind);
        if (kinds.isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": missing `transaction`, `lint` or `plan`", "a case is exactly one of them");
            return null;
        }
        if (kinds.size() > 1) {
            x.error(CONFLICTING_FIELDS, m.entry(kinds.get(1)).keyAt(), c + ": `" + kinds.get(1) + "` next to `" + kinds.get(0) + "`",
                    "a case is exactly one of `transaction`, `lint` or `plan`: split it in two");
            return null;
        }
        TestCase out = switch (kinds.get(0)) {
            case "transaction" -> decisions(x, m, name, name == null ? "test " + index : name, c);
            case "lint" -> lint(x, m, name, c);
            default -> plan(x, file, m, name, c);
        };
        return name == null ? null : out;
    }

    private static TestCase.Decisions decisions(Expect x, YamlMapping m, String name, String id, String c) {
        YamlMapping template = x.mapping(m.get("transaction"), c + ": `transaction`");
        List<String> forms = new ArrayList<>();
        for (String f : List.of("expect", "each", "subsets")) if (m.has(f)) forms.add(f);
        if (forms.size() > 1) {
            x.error(CONFLICTING_FIELDS, m.entry(forms.get(1)).keyAt(), c + ": `" + forms.get(1) + "` next to `" + forms.get(0) + "`",
                    "write one expectation (`expect`), table rows (`each`) or a rule over subsets (`subsets`)");
            return null;
        }
        if (template == null) return null;
        YamlMapping.Entry inner = template.entry("expect");
        if (inner != null) {
            x.error(CONFLICTING_FIELDS, inner.keyAt(), c + ": `transaction`: `expect` belongs to the case",
                    "move `expect:` out of `transaction:`, to the case's own level");
            return null;
        }
        List<TestCase.Run> runs = new ArrayList<>();
        if (m.has("each")) {
            List<YamlNode> rows = x.list(m.get("each"), c + ": `each`");
            if (rows.isEmpty() && m.value("each") != null) {
                x.error(Expect.MISSING_FIELD, m.get("each").at(), c + ": `each`: no rows", "write at least one row");
            }
            for (int i = 0; i < rows.size(); i++) {
                String rc = c + ": row " + (i + 1);
                YamlMapping row = x.mapping(rows.get(i), rc);
                if (row == null) continue;
                YamlNode expect = x.required(row, "expect", rc);
                List<YamlMapping.Entry> fields = row.entries().stream().filter(e -> !e.key().equals("expect")).toList();
                YamlMapping merged = merge(template, fields, row.at());
                Transaction tx = TransactionLoader.read(x, merged, id + " [row " + (i + 1) + "]");
                Expected expected = expect == null ? null : expected(x, expect, rc + ": `expect`");
                if (tx != null && expected != null) runs.add(new TestCase.Run("row " + (i + 1), tx, expected, row.at()));
            }
        } else if (m.has("subsets")) {
            runs.addAll(subsets(x, template, m.get("subsets"), id, c));
        } else {
            Transaction tx = TransactionLoader.read(x, template, id);
            Expected expected = m.has("expect") ? expected(x, m.get("expect"), c + ": `expect`") : null;
            if (tx != null) runs.add(new TestCase.Run(null, tx, expected, m.at()));
        }
        return new TestCase.Decisions(name, m.at(), m, runs);
    }

    /** The template with the row's fields put over it (a row's field replaces the template's, where the row writes it). */
    private static YamlMapping merge(YamlMapping template, List<YamlMapping.Entry> row, SourceLocation at) {
        List<YamlMapping.Entry> out = new ArrayList<>();
        Set<String> overridden = new LinkedHashSet<>();
        row.forEach(e -> overridden.add(e.key()));
        for (YamlMapping.Entry e : template.entries()) if (!overridden.contains(e.key())) out.add(e);
        out.addAll(row);
        return new YamlMapping(out, List.of(), at);
    }

    private static List<TestCase.Run> subsets(Expect x, YamlMapping template, YamlNode node, String id, String c) {
        String sc = c + ": `subsets`";
        YamlMapping m = x.mapping(node, sc);
        if (m == null) return List.of();
        x.onlyFields(m, sc, TestFileForm.SUBSETS.names());
        YamlMapping.Entry own = template.entry("signatures");
        if (own != null) {
            x.error(CONFLICTING_FIELDS, own.keyAt(), c + ": `transaction`: `signatures` next to `subsets`",
                    "the subsets of `of` are the signatures: remove `signatures` from the transaction");
        }
        YamlNode ofNode = x.required(m, "of", sc);
        YamlNode sizeNode = x.required(m, "size", sc);
        if (ofNode == null || sizeNode == null) return List.of();
        List<YamlNode> of = x.list(ofNode, sc + ": `of`");
        List<String> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < of.size(); i++) {
            String k = x.string(of.get(i), sc + ": `of` " + (i + 1));
            if (k == null) continue;
            if (!seen.add(k)) {
                x.error(Expect.DUPLICATE_KEY, of.get(i).at(), sc + ": `of`: `" + k + "` is listed twice", "list each key once");
            }
            keys.add(k);
        }
        if (keys.isEmpty()) {
            x.error(Expect.MISSING_FIELD, ofNode.at(), sc + ": `of`: no keys", "list the keys whose subsets are judged");
            return List.of();
        }
        if (keys.size() > MAX_SUBSET_KEYS) {
            x.error(Expect.OUT_OF_RANGE, ofNode.at(), sc + ": `of`: " + keys.size() + " keys make " + (1L << Math.min(keys.size(), 62))
                    + " subsets", "list at most " + MAX_SUBSET_KEYS + " keys, or write table rows (`each`)");
            return List.of();
        }
        YamlMapping sizes = x.mapping(sizeNode, sc + ": `size`");
        if (sizes == null) return List.of();
        TreeMap<Integer, Expected> bySize = new TreeMap<>();
        for (YamlMapping.Entry e : sizes.entries()) {
            Integer size = null;
            try {
                size = Integer.parseInt(e.key().trim());
            } catch (NumberFormatException ex) {
                x.error(Expect.INVALID_VALUE, e.keyAt(), sc + ": `size`: `" + e.key() + "` is not a number", "write sizes as numbers: `2: allow`");
            }
            if (size != null && (size < 0 || size > keys.size())) {
                x.error(Expect.OUT_OF_RANGE, e.keyAt(), sc + ": `size`: " + size + " is out of range: expected 0 to " + keys.size(),
                        "`of` lists " + keys.size() + " keys");
                size = null;
            }
            Expected expected = expected(x, e.value(), sc + ": `size`: `" + e.key() + "`");
            if (size != null && expected != null) bySize.put(size, expected);
        }
        if (sizes.entries().isEmpty()) {
            x.error(Expect.MISSING_FIELD, sizeNode.at(), sc + ": `size`: no sizes", "say what each size decides: `{1: deny, 2: allow}`");
        }
        if (own != null) return List.of();
        List<TestCase.Run> runs = new ArrayList<>();
        for (Map.Entry<Integer, Expected> e : bySize.entrySet()) {
            for (int[] pick : combinations(keys.size(), e.getKey())) {
                List<YamlNode> signatures = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (int i : pick) {
                    signatures.add(new YamlScalar(keys.get(i), false, YamlScalar.Kind.STRING, null, of.get(i).at()));
                    labels.add(keys.get(i));
                }
                List<YamlMapping.Entry> row = List.of(new YamlMapping.Entry("signatures", ofNode.at(), new YamlSequence(signatures, ofNode.at())));
                String label = "subset [" + String.join(", ", labels) + "]";
                Transaction tx = TransactionLoader.read(x, merge(template, row, template.at()), id + " " + label);
                if (tx != null) runs.add(new TestCase.Run(label, tx, e.getValue(), e.getValue().at()));
            }
        }
        return runs;
    }

    /** The {@code k}-element subsets of {@code 0..n-1}, each ascending, in lexicographic order. */
    static List<int[]> combinations(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] pick = new int[k];
        for (int i = 0; i < k; i++) pick[i] = i;
        while (true) {
            out.add(pick.clone());
            int i = k - 1;
            while (i >= 0 && pick[i] == n - k + i) i--;
            if (i < 0) return out;
            pick[i]++;
            for (int j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
        }
    }

    /** {@code allow}, {@code deny}, or a mapping of the fields to compare. */
    static Expected expected(Expect x, YamlNode node, String c) {
        if (!(node instanceof YamlMapping)) {
            String decision = decision(x, node, c);
            return decision == null ? null : Expected.of(decision, node.at());
        }
        YamlMapping m = x.mapping(node, c);
        x.onlyFields(m, c, EXPECT_FIELDS);
        int before = x.diagnostics().size();
        String decision = m.get("decision") == null ? null : decision(x, m.get("decision"), c + ": `decision`");
        List<String> reasons = m.get("reasons") == null ? null : x.strings(m.get("reasons"), c + ": `reasons`");
        boolean satisfiedGiven = m.has("satisfied_by");
        String satisfiedBy = m.value("satisfied_by") == null ? null : x.string(m.get("satisfied_by"), c + ": `satisfied_by`");
        Set<String> used = m.get("used_keys") == null ? null : new LinkedHashSet<>(x.strings(m.get("used_keys"), c + ": `used_keys`"));
        Set<String> unused = m.get("unused_keys") == null ? null : new LinkedHashSet<>(x.strings(m.get("unused_keys"), c + ": `unused_keys`"));
        Set<Set<String>> missing = null;
        if (m.get("missing") != null) {
            missing = new LinkedHashSet<>();
            List<YamlNode> sets = x.list(m.get("missing"), c + ": `missing`");
            for (int i = 0; i < sets.size(); i++) {
                missing.add(new LinkedHashSet<>(x.strings(sets.get(i), c + ": `missing` " + (i + 1))));
            }
        }
        if (m.entries().isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": nothing to compare", "write `allow`, `deny` or `{decision: …, reasons: […]}`");
        }
        if (x.diagnostics().size() > before) return null;
        return new Expected(decision, reasons, satisfiedGiven, satisfiedBy, used, unused, missing, m.at());
    }

    private static String decision(Expect x, YamlNode node, String c) {
        String text = x.string(node, c);
        if (text == null) return null;
        if (!text.equals("allow") && !text.equals("deny")) {
            x.error(Expect.INVALID_VALUE, node.at(), c + ": `" + text + "` is not a decision", "write `allow` or `deny`");
            return null;
        }
        return text;
    }

    private static TestCase.Lint lint(Expect x, YamlMapping m, String name, String c) {
        String lc = c + ": `lint`";
        if (m.has("expect")) {
            x.error(CONFLICTING_FIELDS, m.entry("expect").keyAt(), c + ": `expect` next to `lint`",
                    "a lint case says what it expects with `has`, `lacks` or `clean` inside `lint:`");
        }
        YamlMapping l = x.mapping(m.get("lint"), lc);
        if (l == null) return null;
        x.onlyFields(l, lc, TestFileForm.LINT.names());
        YamlNode accountNode = x.required(l, "account", lc);
        String account = accountNode == null ? null : x.string(accountNode, lc + ": `account`");
        String authority = l.value("authority") == null ? null : x.string(l.get("authority"), lc + ": `authority`");
        List<String> has = checks(x, l.get("has"), lc + ": `has`");
        List<String> lacks = checks(x, l.get("lacks"), lc + ": `lacks`");
        Boolean clean = l.value("clean") == null ? null : x.bool(l.get("clean"), lc + ": `clean`");
        if (!l.has("has") && !l.has("lacks") && !l.has("clean")) {
            x.error(Expect.MISSING_FIELD, l.at(), lc + ": nothing to check", "write `has: [CHECK…]`, `lacks: [CHECK…]` or `clean: true`");
        }
        if (account == null) return null;
        return new TestCase.Lint(name, m.at(), m, account, authority, has, lacks, clean);
    }

    /** Check ids, each one that exists (the others reported with the nearest id). */
    private static List<String> checks(Expect x, YamlNode node, String c) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, c);
        List<String> ids = CheckRegistry.checks().stream().map(CheckInfo::id).toList();
        for (YamlNode item : items) {
            String id = x.string(item, c);
            if (id == null) continue;
            if (CheckRegistry.check(id) == null) {
                String suggestion = x.didYouMean(id, ids);
                x.error(UNKNOWN_CHECK, item.at(), c + ": `" + id + "` is not a lint check",
                        suggestion != null ? suggestion : "`quorate checks` lists them");
                continue;
            }
            out.add(id);
        }
        return out;
    }

    private static TestCase.PlanCheck plan(Expect x, Path file, YamlMapping m, String name, String c) {
        YamlNode node = m.get("plan");
        Path planFile = null;
        YamlMapping inline = null;
        if (node instanceof YamlMapping pm) {
            inline = x.mapping(pm, c + ": `plan`");
        } else {
            String text = x.string(node, c + ": `plan`");
            if (text == null) return null;
            planFile = relative(file, text);
            if (!Files.isRegularFile(planFile)) {
                x.error(MISSING_FILE, node.at(), c + ": `plan`: `" + text + "` does not exist", "paths are relative to the test file's folder");
                return null;
            }
        }
        PlanExpected expected = m.has("expect") ? planExpected(x, m.get("expect"), c + ": `expect`") : null;
        return new TestCase.PlanCheck(name, m.at(), m, planFile, inline, expected);
    }

    private static PlanExpected planExpected(Expect x, YamlNode node, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, TestFileForm.PLAN_EXPECTED.names());
        int before = x.diagnostics().size();
        String verdict = m.get("verdict") == null ? null : oneOf(x, m.get("verdict"), c + ": `verdict`", PLAN_VERDICTS);
        List<String> steps = null;
        if (m.get("steps") != null) {
            steps = new ArrayList<>();
            List<YamlNode> items = x.list(m.get("steps"), c + ": `steps`");
            for (int i = 0; i < items.size(); i++) {
                String sc = c + ": `steps` " + (i + 1);
                YamlMapping s = x.mapping(items.get(i), sc);
                if (s == null) continue;
                x.onlyFields(s, sc, List.of("verdict"));
                YamlNode v = x.required(s, "verdict", sc);
                String verdictOfStep = v == null ? null : oneOf(x, v, sc + ": `verdict`", STEP_VERDICTS);
                if (verdictOfStep != null) steps.add(verdictOfStep);
            }
        }
        if (m.entries().isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": nothing to compare", "write `{verdict: safe}`");
        }
        return x.diagnostics().size() > before ? null : new PlanExpected(verdict, steps, m.at());
    }

    private static String oneOf(Expect x, YamlNode node, String c, List<String> allowed) {
        String text = x.string(node, c);
        if (text == null) return null;
        if (!allowed.contains(text)) {
            String suggestion = x.didYouMean(text, allowed);
            x.error(Expect.INVALID_VALUE, node.at(), c + ": `" + text + "` is not one of " + String.join(", ", allowed),
                    suggestion != null ? suggestion : "write one of " + String.join(", ", allowed.stream().map(a -> "`" + a + "`").toList()));
            return null;
        }
        return text;
    }
}
