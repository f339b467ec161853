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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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

    /**
     * Transactions decided together: side by side on every core (each thread decides on its own
     * rule sessions), then written in the order given, so output never waits on a whole batch.
     */
    private static final int CHUNK = 4_096;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> problems = new ArrayList<>();
        // The transactions are read while the policy loads: neither needs the other until deciding.
        CompletableFuture<List<Transaction>> reading =
                CompletableFuture.supplyAsync(() -> Inputs.transactions(transactions, System.in, problems));
        PreparedPolicy prepared = Inputs.policy(policy, err);
        List<Transaction> txs = reading.join();
        if (prepared == null) return ExitCode.BAD_INPUT;
        boolean anyDenied = false;
        for (int from = 0; from < txs.size(); from += CHUNK) {
            List<Transaction> chunk = txs.subList(from, Math.min(txs.size(), from + CHUNK));
            Decided[] decided = new Decided[chunk.size()];
            IntStream.range(0, decided.length).parallel().forEach(i -> decided[i] = decide(prepared, chunk.get(i)));
            for (Decided d : decided) {
                anyDenied |= !d.allowed();
                out.println(d.text());
            }
        }
        out.flush();
        if (!problems.isEmpty()) {
            Inputs.print(problems, err);
            return ExitCode.BAD_INPUT;
        }
        return anyDenied ? ExitCode.DENIED : ExitCode.OK;
    }

    /** A decision as it is written. */
    private record Decided(boolean allowed, String text) {
    }

    private Decided decide(PreparedPolicy prepared, Transaction tx) {
        Decision d = prepared.authorize(tx);
        return new Decided(d.allowed(), format == OutputFormat.json ? DecisionJson.line(d, prepared.onChainIds(d)) : DecisionText.render(d));
    }
}
