package io.quorate.testing;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.engine.Reason;
import io.quorate.keys.KeyFormatException;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.plan.Plan;
import io.quorate.plan.PlanExample;
import io.quorate.plan.PlanLoader;
import io.quorate.plan.PlanReport;
import io.quorate.plan.PlanRunner;
import io.quorate.plan.StepReport;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Expectation;
import io.quorate.transaction.Transaction;
import io.quorate.yaml.YamlMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs policy test files (and example transactions and plans): decides each case against its
 * policy, compares the outcome field by field, counts coverage, and with {@code update} records
 * the outcome of cases that have none. Policies are loaded and compiled once per distinct set.
 */
public final class TestRunner implements AutoCloseable {

    static final String DUPLICATE_KEY_NAME = "duplicate-key-name";
    static final String INVALID_KEY = "invalid-key";
    static final String UNKNOWN_ACCOUNT = "unknown-account";
    static final String UNKNOWN_AUTHORITY = "unknown-authority";
    static final String WRITE_ERROR = "write-error";

    /** {@code run}: only cases whose name it finds (null: all); {@code coverage}: count what the cases exercise. */
    public record Options(Pattern run, boolean update, boolean coverage) {
    }

    /** A policy set ready for cases: the set, its prepared rules, and (when asked for) its lint report and coverage model. */
    private static final class Loaded {
        final PolicySet set;
        final PreparedPolicy prepared;
        LintReport lint;
        CoverageModel model;

        Loaded(PolicySet set, PreparedPolicy prepared) {
            this.set = set;
            this.prepared = prepared;
        }
    }

    private final Options options;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final Map<String, List<Diagnostic>> failedLoads = new HashMap<>();
    private final List<CaseResult> results = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private final Coverage coverage = new Coverage();
    private PlanRunner plans;

    public TestRunner(Options options) {
        this.options = options;
    }

    /** Everything run so far. */
    public TestReport report() {
        return new TestReport(results, problems.stream().distinct().sorted(Diagnostic.BY_LOCATION).toList(),
                options.coverage() ? coverage : null, updated);
    }

    /** Adds problems found while finding or reading inputs (they make the run exit 2). */
    public void problems(List<Diagnostic> found) {
        problems.addAll(found);
    }

    /** Runs every case of a test file. */
    public void run(TestFile file) {
        Loaded policy = policy(file.policy(), file.keys());
        if (policy == null) return;
        Map<TestCase, List<ExpectWriter.Field>> recordings = new LinkedHashMap<>();
        for (TestCase c : file.cases()) {
            if (options.run() != null && !options.run().matcher(c.name()).find()) continue;
            if (c instanceof TestCase.Decisions d) decisions(file, d, policy, recordings);
            else if (c instanceof TestCase.Lint l) lint(file, l, policy);
            else if (c instanceof TestCase.PlanCheck p) plan(file, p, policy, recordings);
        }
        if (!recordings.isEmpty()) write(file, recordings);
    }

    private void decisions(TestFile file, TestCase.Decisions d, Loaded policy, Map<TestCase, List<ExpectWriter.Field>> recordings) {
        for (TestCase.Run run : d.runs()) {
            Decision decision = policy.prepared.authorize(run.transaction());
            if (options.coverage()) coverage.record(model(policy), run.transaction(), decision);
            String actual = summary(decision);
            if (run.expected() == null) {
                if (options.update()) {
                    recordings.put(d, ExpectWriter.decision(decision));
                    results.add(new CaseResult(file.name(), d.name(), run.label(), run.at(), true, List.of(), actual,
                            "recorded the outcome in `expect:`"));
                } else {
                    results.add(new CaseResult(file.name(), d.name(), run.label(), run.at(), false, List.of(), actual,
                            "no `expect:` recorded; `quorate test --update` records the outcome"));
                }
                continue;
            }
            List<FieldDiff> diffs = DecisionCheck.diff(run.expected(), decision);
            results.add(new CaseResult(file.name(), d.name(), run.label(), run.at(), diffs.isEmpty(), diffs, actual, null));
        }
    }

    private void lint(TestFile file, TestCase.Lint l, Loaded policy) {
        YamlMapping spec = (YamlMapping) l.node().get("lint");
        Account account = policy.set.account(l.account());
        if (account == null) {
            String suggestion = io.quorate.yaml.Suggest.didYouMean(l.account(), policy.set.accounts().keySet());
            problems.add(Diagnostic.error(UNKNOWN_ACCOUNT, spec.get("account").at(), "test `" + l.name() + "`: `lint`: account `"
                    + l.account() + "` is not in the policy", suggestion != null ? suggestion : "check the account's name"));
            return;
        }
        if (l.authority() != null && policy.prepared.compiled().account(l.account()).program(l.authority()) < 0) {
            problems.add(Diagnostic.error(UNKNOWN_AUTHORITY, spec.get("authority").at(), "test `" + l.name() + "`: `lint`: account `"
                    + l.account() + "` has no authority `" + l.authority() + "`", null));
            return;
        }
        if (policy.lint == null) policy.lint = Linter.lint(policy.set, LintOptions.defaults());
        Set<String> found = new LinkedHashSet<>();
        for (Finding f : policy.lint.findings()) {
            if (f.suppressed() || !l.account().equals(f.account())) continue;
            if (l.authority() != null && !l.authority().equals(f.authority())) continue;
            found.add(f.id());
        }
        List<FieldDiff> diffs = new ArrayList<>();
        if (!found.containsAll(l.has())) diffs.add(new FieldDiff("has", DecisionCheck.list(l.has()), DecisionCheck.list(found)));
        if (l.lacks().stream().anyMatch(found::contains)) {
            diffs.add(new FieldDiff("lacks", DecisionCheck.list(l.lacks()), DecisionCheck.list(found)));
        }
        if (l.clean() != null && l.clean() != found.isEmpty()) {
            diffs.add(new FieldDiff("clean", String.valueOf(l.clean()), String.valueOf(found.isEmpty())));
        }
        String actual = found.isEmpty() ? "no findings" : "findings " + DecisionCheck.list(found);
        results.add(new CaseResult(file.name(), l.name(), null, l.at(), diffs.isEmpty(), diffs, actual, null));
    }

    private void plan(TestFile file, TestCase.PlanCheck p, Loaded policy, Map<TestCase, List<ExpectWriter.Field>> recordings) {
        PlanReport report;
        try {
            Plan plan;
            if (p.file() != null) {
                Path own = PlanLoader.policyOf(p.file());
                PolicySet start = own != null ? PolicyLoader.load(List.of(own)) : policy.set;
                plan = PlanLoader.load(p.file(), start);
            } else {
                plan = PlanLoader.load(file.name(), p.inline(), policy.set);
            }
            report = planRunner().run(plan);
        } catch (InputException e) {
            problems.addAll(e.diagnostics());
            return;
        }
        List<String> steps = report.steps().stream().map(s -> s.verdict().label()).toList();
        String actual = "plan " + report.verdict() + " " + DecisionCheck.list(steps);
        if (p.expected() == null) {
            if (options.update()) {
                recordings.put(p, ExpectWriter.plan(report));
                results.add(new CaseResult(file.name(), p.name(), null, p.at(), true, List.of(), actual, "recorded the outcome in `expect:`"));
            } else {
                results.add(new CaseResult(file.name(), p.name(), null, p.at(), false, List.of(), actual,
                        "no `expect:` recorded; `quorate test --update` records the outcome"));
            }
            return;
        }
        List<FieldDiff> diffs = new ArrayList<>();
        if (p.expected().verdict() != null && !p.expected().verdict().equals(report.verdict())) {
            StepReport first = report.firstProblem();
            diffs.add(new FieldDiff("verdict", p.expected().verdict(), report.verdict()
                    + (first == null ? "" : " (step " + first.step().label() + ": " + first.verdict().label()
                    + (first.why() == null ? "" : ": " + first.why()) + ")")));
        }
        if (p.expected().steps() != null && !p.expected().steps().equals(steps)) {
            diffs.add(new FieldDiff("steps", DecisionCheck.list(p.expected().steps()), DecisionCheck.list(steps)));
        }
        results.add(new CaseResult(file.name(), p.name(), null, p.at(), diffs.isEmpty(), diffs, actual, null));
    }

    /** Example transactions with {@code expect:} fields, decided against {@code policyPaths}. */
    public void examples(List<Transaction> transactions, List<Path> policyPaths) {
        if (transactions.isEmpty()) return;
        Loaded policy = policy(policyPaths, List.of());
        if (policy == null) return;
        for (Transaction tx : transactions) {
            String name = tx.id();
            if (options.run() != null && !options.run().matcher(name).find()) continue;
            Decision decision = policy.prepared.authorize(tx);
            if (options.coverage()) coverage.record(model(policy), tx, decision);
            String file = tx.at() == null ? "<stdin>" : tx.at().file();
            Expectation e = tx.expected();
            if (e == null) {
                results.add(new CaseResult(file, name, null, tx.at(), false, List.of(), summary(decision), "no `expect:` recorded"));
                continue;
            }
            Expected expected = new Expected(e.decision(), e.reasons().isEmpty() ? null : e.reasons(), false, null, null, null, null, tx.at());
            List<FieldDiff> diffs = DecisionCheck.diff(expected, decision);
            results.add(new CaseResult(file, name, null, tx.at(), diffs.isEmpty(), diffs, summary(decision), null));
        }
    }

    /**
     * Registers for coverage the accounts of each policy file that no test file or example has
     * brought in, loading the file alone: an account no case decides is counted, at 0 %, rather
     * than left out of the report. Does nothing without coverage.
     */
    public void policies(List<Path> files) {
        if (!options.coverage()) return;
        for (Path file : files) {
            if (!coverage.registers(file)) policy(List.of(file), List.of());
        }
    }

    /** An example change plan that records its outcome in its own {@code expect:}. */
    public void examplePlan(Path file, List<Path> policyPaths) {
        String name = file.toString();
        if (options.run() != null && !options.run().matcher(name).find()) return;
        try {
            PlanExample.Outcome o = PlanExample.check(file, policyPaths);
            results.add(new CaseResult(name, name, null, SourceLocation.ofFile(name), o.mismatch() == null, List.of(),
                    "plan " + o.verdict(), o.mismatch()));
        } catch (InputException e) {
            problems.addAll(e.diagnostics());
        }
    }

    /** A few words on a decision: {@code allow (authorized)}. */
    static String summary(Decision d) {
        return d.decision().label() + " (" + String.join(", ", d.reasons().stream().map(Reason::code).toList()) + ")";
    }

    private CoverageModel model(Loaded policy) {
        if (policy.model == null) {
            policy.model = CoverageModel.of(policy.set);
            Map<String, SourceLocation> at = new LinkedHashMap<>();
            for (Account a : policy.set.accounts().values()) {
                at.put(a.name() + "\u0000" + (a.at() == null ? "" : a.at().file()), a.at());
            }
            coverage.register(policy.model, at);
        }
        return policy.model;
    }

    /** The policy set of {@code paths} with {@code keys} added, loaded once; null after reporting why it cannot be. */
    private Loaded policy(List<Path> paths, List<NamedKey> keys) {
        if (paths.isEmpty()) return null;
        StringBuilder id = new StringBuilder();
        for (Path p : paths) id.append(p.toAbsolutePath().normalize()).append('\n');
        for (NamedKey k : keys) id.append(k.name()).append('=').append(k.text()).append('\n');
        String key = id.toString();
        Loaded known = loaded.get(key);
        if (known != null) return known;
        if (failedLoads.containsKey(key)) return null;
        try {
            PolicySet set = PolicyLoader.load(paths);
            if (!keys.isEmpty()) set = withKeys(set, keys);
            Loaded l = new Loaded(set, Quorate.prepare(set));
            loaded.put(key, l);
            if (options.coverage()) model(l);
            return l;
        } catch (InputException e) {
            failedLoads.put(key, e.diagnostics());
            problems.addAll(e.diagnostics());
            return null;
        }
    }

    /** The set with a test file's own key names added; a name the policy already uses, or a key no chain reads, is an error. */
    private static PolicySet withKeys(PolicySet set, List<NamedKey> keys) throws InputException {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, NamedKey> names = new HashMap<>();
        for (NamedKey k : set.keys()) names.putIfAbsent(k.name(), k);
        Set<Chain> chains = new LinkedHashSet<>();
        for (Account a : set.accounts().values()) chains.add(a.chain());
        for (NamedKey k : keys) {
            NamedKey first = names.get(k.name());
            if (first != null) {
                found.add(Diagnostic.error(DUPLICATE_KEY_NAME, k.at(), "key `" + k.name() + "`: the policy already names a key so (at "
                        + first.at() + ")", "give the test's key another name, or use the policy's"));
                continue;
            }
            if (!chains.isEmpty() && chains.stream().noneMatch(c -> decodes(c, k.text()))) {
                found.add(Diagnostic.error(INVALID_KEY, k.at(), "key `" + k.name() + "`: `" + k.text() + "` is not a public key of "
                        + String.join(" or ", chains.stream().map(Chain::id).toList()), "write the key in the chain's own format"));
            }
        }
        if (!found.isEmpty()) throw new InputException(found);
        List<NamedKey> all = new ArrayList<>(set.keys());
        all.addAll(keys);
        return new PolicySet(set.accounts(), all, set.revision(), set.suppressions(), set.conditions());
    }

    private static boolean decodes(Chain chain, String text) {
        try {
            chain.keyFormat().decode(text);
            return true;
        } catch (KeyFormatException e) {
            return false;
        }
    }

    private PlanRunner planRunner() {
        if (plans == null) plans = new PlanRunner();
        return plans;
    }

    /** Writes the outcomes recorded by {@code --update} into the file; a file that cannot be written is a problem (exit 2). */
    private void write(TestFile file, Map<TestCase, List<ExpectWriter.Field>> recordings) {
        String text = ExpectWriter.insert(file.text(), recordings);
        try {
            Files.writeString(file.path(), text, StandardCharsets.UTF_8);
            updated.add(file.name());
        } catch (IOException e) {
            problems.add(Diagnostic.error(WRITE_ERROR, SourceLocation.ofFile(file.name()), "cannot write the recorded outcomes: "
                    + e.getMessage(), "check that the file is writable"));
        }
    }

    @Override
    public void close() {
        if (plans != null) plans.close();
        loaded.values().forEach(l -> l.prepared.close());
    }

}
