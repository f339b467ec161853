package io.quorate.cli;

import io.quorate.yaml.Suggest;
import io.quorate.version.QuorateVersion;
import io.quorate.yaml.InputLimits;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

// the help and version options are inherited, so `--help` works on every command, before any check of its arguments
@Command(name = "quorate", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = "Policy-as-code for multi-signature account authorities (EOS, Hive, Casper, FT4, generic).",
        subcommands = {AuthorizeCommand.class, TestCommand.class, CompileCommand.class, BenchCommand.class, ServeCommand.class,
                LintCommand.class, ChecksCommand.class, ExplainCommand.class, IdsCommand.class, ImportCommand.class,
                PlanCommand.class, DiffCommand.class, StreamCommand.class, KeysCommand.class, FmtCommand.class, SchemaCommand.class},
        footer = {"", "Run `quorate COMMAND --help` for a command's options.",
                "Exit codes: 0 ok, 1 denied / not as expected, 2 bad input, 3 internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the version the build wrote ({@link QuorateVersion}), then the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"quorate " + QuorateVersion.version(), QuorateVersion.runtime()};
        }
    }

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
            String unknown = unknownCommand(e.getCommandLine(), e instanceof UnmatchedArgumentException u ? u.getUnmatched() : null);
            if (unknown != null) return usageError(err, unknown);
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            err.println("internal error: " + e);
            return ExitCode.INTERNAL;
        });
        cli.setExecutionStrategy(Main::execute);
        return cli.execute(args);
    }

    /** Help first (it needs no valid arguments), then the checks every command shares, then the command. */
    private static int execute(ParseResult parsed) {
        PrintWriter err = parsed.commandSpec().commandLine().getErr();
        String unknown = parsed.hasSubcommand() ? null : unknownCommand(parsed.commandSpec().commandLine(), parsed.unmatched());
        if (unknown != null) return usageError(err, unknown);
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) return help;
        String range = Ranges.problem(parsed);
        if (range != null) return usageError(err, range);
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The message for a first word that names no command, or null when it is not that case. */
    private static String unknownCommand(CommandLine at, java.util.List<String> unmatched) {
        if (at.getParent() != null || unmatched == null || unmatched.isEmpty()) return null;
        String word = unmatched.get(0);
        if (word.startsWith("-")) return null;
        String suggestion = Suggest.didYouMean(word, at.getSubcommands().keySet());
        return "unknown command `" + word + "`" + (suggestion == null ? "" : ": " + suggestion)
                + "; `quorate --help` lists the commands";
    }

    private static int usageError(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
