package io.quorate.cli;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.testing.Coverage;
import io.quorate.testing.TestFile;
import io.quorate.testing.TestFileLoader;
import io.quorate.testing.TestFiles;
import io.quorate.testing.TestJson;
import io.quorate.testing.TestJunit;
import io.quorate.testing.TestReport;
import io.quorate.testing.TestRunner;
import io.quorate.testing.TestText;
import io.quorate.transaction.Transaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", sortOptions = false,
        description = {"Run policy tests (*_test.yaml beside the policies, or a policy's own tests:) and example transactions and plans, "
                + "comparing each outcome with its expect:; optionally report which parts of the policies the cases exercise."},
        footer = {"", "Test files are searched for in PATH… and in the --policy paths; other YAML and JSON files in PATH… are example "
                + "transactions (decided against --policy) and example change plans.",
                "Exit codes: 0 every case passed (and coverage reached --coverage-min), 1 a case failed or coverage fell short, "
                        + "2 a test file, example or policy could not be loaded."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "PATH",
            description = "Policy file or directory (repeatable): for example transactions, and for test files that name no policy.")
    List<Path> policy = new ArrayList<>();

    @Option(names = "--run", paramLabel = "PATTERN", description = "Run only the cases whose name the regular expression finds.")
    String run;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or junit.")
    String format;

    @Option(names = "--update", description = "Write the actual outcome into cases that have no expect: (the file is edited in place).")
    boolean update;

    @Option(names = "--coverage", description = "Report which authorities, entries, links, descriptors and rules the cases exercise.")
    boolean coverage;

    @Range(min = 0, max = 100)
    @Option(names = "--coverage-min", paramLabel = "N", description = "Fail when an account's coverage is below N percent (implies --coverage).")
    Double coverageMin;

    @Option(names = {"-v", "--verbose"}, description = "Print the actual outcome of every case, not only of the failures.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files, example files, or directories of them.")
    List<String> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "junit").contains(fmt)) {
            err.println("error: --format: expected text, json or junit, got `" + format + "`");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        Pattern pattern;
        try {
            pattern = run == null ? null : Pattern.compile(run);
        } catch (PatternSyntaxException e) {
            err.println("error: --run: `" + run + "` is not a regular expression: " + e.getDescription());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        boolean withCoverage = coverage || coverageMin != null;
        TestReport report;
        try (TestRunner runner = new TestRunner(new TestRunner.Options(pattern, update, withCoverage))) {
            List<Diagnostic> problems = new ArrayList<>();
            TestFiles.Found found = TestFiles.find(paths, policy);
            for (Path file : found.tests()) {
                try {
                    TestFile test = TestFileLoader.load(file, policy);
                    runner.run(test);
                } catch (InputException e) {
                    problems.addAll(e.diagnostics());
                }
            }
            List<Transaction> txs = Inputs.transactions(found.transactions(), System.in, problems);
            if (!txs.isEmpty() && policy.isEmpty()) {
                problems.add(Diagnostic.error("missing-policy", SourceLocation.ofFile(txs.get(0).at() == null ? "<stdin>" : txs.get(0).at().file()),
                        "example transactions need a policy to be decided against", "give `--policy PATH`"));
            } else {
                runner.examples(txs, policy);
            }
            for (Path plan : found.plans()) runner.examplePlan(plan, policy);
            runner.policies(found.policies());
            if (found.tests().isEmpty() && found.transactions().isEmpty() && found.plans().isEmpty()) {
                problems.add(Diagnostic.error("no-tests", SourceLocation.ofFile(String.join(" ", paths)), "no test files or examples found",
                        "a test file is named `*_test.yaml`; see docs/testing.md"));
            }
            runner.problems(problems);
            report = runner.report();
        }
        out.print(switch (fmt) {
            case "json" -> TestJson.render(report, coverageMin);
            case "junit" -> TestJunit.render(report);
            default -> TestText.render(report, verbose);
        });
        out.flush();
        if (!report.problems().isEmpty()) {
            Inputs.print(report.problems(), err);
            return ExitCode.BAD_INPUT;
        }
        if (report.failed() > 0) return ExitCode.DENIED;
        if (coverageMin != null) {
            List<Coverage.Account> below = report.coverage().below(coverageMin);
            if (!below.isEmpty()) {
                for (Coverage.Account a : below) {
                    err.println(String.format(Locale.ROOT, "coverage of account `%s` is %.1f%%, below --coverage-min %s", a.name(), a.percent(),
                            coverageMin == Math.rint(coverageMin) ? Long.toString(coverageMin.longValue()) : coverageMin.toString()));
                }
                err.flush();
                return ExitCode.DENIED;
            }
        }
        return ExitCode.OK;
    }
}
