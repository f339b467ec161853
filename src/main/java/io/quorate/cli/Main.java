package io.quorate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "quorate", mixinStandardHelpOptions = true, version = "quorate 0.1.0",
        description = "Policy-as-code for multi-signature account authorities (EOS, Hive, Casper, FT4, generic).",
        subcommands = {AuthorizeCommand.class, TestCommand.class, CompileCommand.class, BenchCommand.class, ServeCommand.class, LintCommand.class, ExplainCommand.class, IdsCommand.class, ImportCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 denied / not as expected, 2 bad input, 3 internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams; returns its exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            err.println("internal error: " + e);
            return ExitCode.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
