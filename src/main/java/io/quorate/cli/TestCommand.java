package io.quorate.cli;

import io.quorate.diag.Diagnostic;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Reason;
import io.quorate.diag.InputException;
import io.quorate.plan.ExampleFiles;
import io.quorate.plan.PlanExample;
import io.quorate.transaction.Expectation;
import io.quorate.transaction.Transaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "test", sortOptions = false,
        description = "Decide example transactions and check example change plans, comparing each outcome with the one recorded next to it (expect:).",
        footer = {"", "Exit codes: 0 every example decided as recorded, 1 any did not, 2 bad input."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH", description = "Policy file or directory (repeatable).")
    List<Path> policy;

    @Option(names = {"-v", "--verbose"}, description = "Print every decision in full, not only the failures.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "EXAMPLES", description = "Transaction files or directories with expect: fields.")
    List<String> examples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> problems = new ArrayList<>();
        ExampleFiles.Sorted sorted = ExampleFiles.sort(examples);
        List<Transaction> txs = Inputs.transactions(sorted.transactions(), System.in, problems);
        PreparedPolicy prepared = Inputs.policy(policy, err);
        if (prepared == null) return ExitCode.BAD_INPUT;
        int passed = 0;
        int failed = 0;
        for (Transaction tx : txs) {
            Decision d = prepared.authorize(tx);
            String mismatch = mismatch(tx.expected(), d);
            String summary = d.decision().label() + " (" + String.join(", ", d.reasons().stream().map(Reason::code).toList()) + ")";
            if (mismatch == null) {
                passed++;
                out.println("ok    " + tx.id() + ": " + summary);
            } else {
                failed++;
                out.println("FAIL  " + tx.id() + ": " + mismatch);
            }
            if (verbose || mismatch != null) out.println(io.quorate.report.DecisionText.render(d).indent(6).stripTrailing());
        }
        for (Path plan : sorted.plans()) {
            try {
                PlanExample.Outcome o = PlanExample.check(plan, policy);
                if (o.mismatch() == null) passed++;
                else failed++;
                out.println((o.mismatch() == null ? "ok    " : "FAIL  ") + plan + ": " + (o.mismatch() == null ? "plan " + o.verdict() : o.mismatch()));
            } catch (InputException e) {
                problems.addAll(e.diagnostics());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        if (!problems.isEmpty()) {
            Inputs.print(problems, err);
            return ExitCode.BAD_INPUT;
        }
        return failed == 0 ? ExitCode.OK : ExitCode.DENIED;
    }

    /** Why the decision differs from the recorded one, or null when it matches. */
    static String mismatch(Expectation expected, Decision d) {
        if (expected == null) return "no expect: recorded; decided " + d.decision().label();
        if (expected.decision() != null && !expected.decision().equals(d.decision().label())) {
            return "expected " + expected.decision() + ", decided " + d.decision().label() + " ("
                    + String.join(", ", d.reasons().stream().map(Reason::code).toList()) + ")";
        }
        for (String code : expected.reasons()) {
            if (!d.hasReason(code)) {
                return "expected reason " + code + ", got " + String.join(", ", d.reasons().stream().map(Reason::code).toList());
            }
        }
        return null;
    }
}
