package io.quorate.cli;

import io.quorate.diag.Diagnostic;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.report.DecisionJson;
import io.quorate.report.DecisionText;
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

@Command(name = "authorize", sortOptions = false,
        description = "Decide whether each candidate transaction's signatures authorize its actions.",
        footer = {"", "Exit codes: 0 all allowed, 1 any denied, 2 bad input."})
final class AuthorizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH",
            description = "Policy file or directory (repeatable).")
    List<Path> policy;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Parameters(arity = "1..*", paramLabel = "TX_FILE",
            description = "Transaction files or directories (YAML or JSON; one transaction or a list); - reads standard input.")
    List<String> transactions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> problems = new ArrayList<>();
        List<Transaction> txs = Inputs.transactions(transactions, System.in, problems);
        PreparedPolicy prepared = Inputs.policy(policy, err);
        if (prepared == null) return ExitCode.BAD_INPUT;
        boolean anyDenied = false;
        for (Transaction tx : txs) {
            Decision d = prepared.authorize(tx);
            anyDenied |= !d.allowed();
            out.println(format == OutputFormat.json ? DecisionJson.line(d, prepared.onChainIds(d)) : DecisionText.render(d));
        }
        out.flush();
        if (!problems.isEmpty()) {
            Inputs.print(problems, err);
            return ExitCode.BAD_INPUT;
        }
        return anyDenied ? ExitCode.DENIED : ExitCode.OK;
    }
}
