package io.quorate.cli;

import io.quorate.bench.BenchReport;
import io.quorate.bench.BenchRunner;
import io.quorate.bench.PolicyGenerator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", sortOptions = false,
        description = {"Measure build time, heap, decisions per second and latency on generated multi-chain policies.",
                "Prints a Markdown table to standard output and progress to standard error."},
        footer = {"", "Exit codes: 0 measured, 2 bad options, 3 a generated transaction did not decide as generated."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Range(min = PolicyGenerator.MIN_ACCOUNTS)
    @Option(names = "--accounts", split = ",", defaultValue = "1000,10000", paramLabel = "N[,N...]",
            description = "Policy sizes to measure, in accounts. Default: ${DEFAULT-VALUE}.")
    List<Integer> accounts;

    @Range(min = 0, aboveMin = true)
    @Option(names = "--seconds", defaultValue = "5", paramLabel = "S",
            description = "Measured seconds per row. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Range(min = 0)
    @Option(names = "--warmup", defaultValue = "2", paramLabel = "S",
            description = "Warm-up seconds before each row. Default: ${DEFAULT-VALUE}.")
    double warmup;

    @Range(min = 1)
    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
            description = "Thread counts of the uniform and hot rows. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated policy and traffic. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-reference", description = "Do not measure the reference evaluator.")
    boolean noReference;

    @Option(names = "--write", paramLabel = "DIR",
            description = "Write the policy of the first size and its traffic (policy/, one.json, batch.json) to DIR instead of measuring.")
    java.nio.file.Path write;

    @Range(min = 1)
    @Option(names = "--batch", defaultValue = "20000", paramLabel = "N",
            description = "Transactions in batch.json with --write. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--conditions", defaultValue = "0", paramLabel = "R",
            description = "Also give the policy R organisation condition rules and measure it without and with them. Default: none.")
    int conditions;

    @Option(names = "--allowlist", defaultValue = "100000", paramLabel = "N",
            description = "With --conditions: allowlisted destinations, in a list file. Default: ${DEFAULT-VALUE}.")
    int allowlist;

    @Option(names = "--quick", description = "A smoke run: 100 accounts, 1 s per row after 0.25 s of warm-up, one thread.")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchRunner.Options options = quick ? BenchRunner.Options.quick(seed, !noReference) : new BenchRunner.Options(accounts, seconds, warmup, threads, seed, !noReference);
        if (write != null) return writeFiles(options, err);
        if (conditions > 0) return conditions(out, err);
        BenchReport report;
        try {
            report = new BenchRunner(options, err).run();
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.INTERNAL;
        }
        out.print(report.render());
        out.flush();
        return report.unexpected() == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }

    private int conditions(PrintWriter out, PrintWriter err) {
        io.quorate.bench.ConditionsBench bench = new io.quorate.bench.ConditionsBench(new io.quorate.bench.ConditionsBench.Options(
                quick ? List.of(100) : accounts, conditions, allowlist, quick ? 1 : seconds, quick ? 0.25 : warmup,
                quick ? List.of(1) : threads, seed), err);
        String report;
        try {
            report = bench.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return e instanceof IllegalArgumentException ? ExitCode.BAD_INPUT : ExitCode.INTERNAL;
        }
        out.print(report);
        out.flush();
        return bench.unexpected() == 0 ? ExitCode.OK : ExitCode.INTERNAL;
    }

    private int writeFiles(BenchRunner.Options options, PrintWriter err) {
        try {
            io.quorate.bench.TrafficFiles.write(PolicyGenerator.generate(options.accounts().get(0), options.seed()), write, batch);
        } catch (java.io.IOException e) {
            err.println("error: " + write + ": " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        err.println("wrote " + write.resolve("policy") + ", " + write.resolve("one.json") + " and " + write.resolve("batch.json"));
        err.flush();
        return ExitCode.OK;
    }
}
