package io.quorate.cli;

import io.quorate.yaml.InputLimits;
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

    @CommandLine.Option(names = "--max-input-mb", scope = CommandLine.ScopeType.INHERIT, paramLabel = "MB",
            description = "Refuse policy, transaction and import files larger than this (default: 1024).")
    void maxInputMb(long megabytes) {
        if (megabytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-input-mb: expected at least 1, got " + megabytes);
        }
        InputLimits.use(InputLimits.DEFAULT.withMaxFileBytes(Math.multiplyExact(megabytes, InputLimits.MEGABYTE)));
    }

    /** Runs a command line with the given streams; returns its exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        InputLimits.use(InputLimits.DEFAULT);
        try {
            return execute(out, err, args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        } catch (StackOverflowError e) {
            err.println("internal error: the input nests too deeply for the stack; run Java with a larger `-Xss`");
            err.flush();
            return ExitCode.INTERNAL;
        } catch (Error e) {
            // the documented contract is exit 3 and one line, whatever failed
            err.println("internal error: " + e);
            err.flush();
            return ExitCode.INTERNAL;
        }
    }

    /** One line, no stack trace: what ran out and what to do; a second OutOfMemoryError is unlikely once the work is dropped. */
    private static int outOfMemory(PrintWriter err) {
        err.println("internal error: out of memory: give Java more heap (`java -Xmx4g -jar quorate.jar …`) "
                + "or lower `--max-input-mb` to refuse such large files up front");
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int execute(PrintWriter out, PrintWriter err, String... args) {
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
