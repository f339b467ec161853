package io.quorate.cli;

import io.quorate.diag.InputException;
import io.quorate.diag.Severity;
import io.quorate.lint.CheckRegistry;
import io.quorate.lint.Level;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.lint.render.LoadErrors;
import io.quorate.lint.render.RenderOptions;
import io.quorate.lint.render.Renderers;
import io.quorate.policy.Exclusions;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Suggest;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", sortOptions = false,
        description = "Check a policy set for unsafe account configurations: lockout risks, single-key control, "
                + "collusion margins, chain limits.",
        footer = {"", "With --format json, sarif, junit or github, a policy that does not load is still a whole report, its errors as results.",
                "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 the policy could not be loaded or a wrong command line."})
final class LintCommand implements Callable<Integer> {

    enum FailOn { error, warning, info, never }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif, junit or github. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "Exit 1 when an unsuppressed finding is at least this severe: error, warning, info or never. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--level", paramLabel = "CHECK=LEVEL",
            description = "Change a check's level: error, warning, info or off (repeatable).")
    Map<String, String> levels = new LinkedHashMap<>();

    @Option(names = "--today", paramLabel = "DATE",
            description = "The day (UTC, yyyy-mm-dd) suppressions expire against. Default: today.")
    String today;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files and folders: a glob without a slash matches names (`drafts`, `*.draft.yaml`), "
                    + "one with a slash matches paths (`policies/drafts/**`). Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Leave the resilience figures out of the text report.")
    boolean quiet;

    @Option(names = "--docs-base", paramLabel = "URL",
            description = "Absolute URL the doc pages (docs/checks/ID.md) resolve against, for SARIF rules' helpUri, "
                    + "e.g. a repository's web address at a tag.")
    String docsBase;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Policy files or directories; a directory is searched for YAML files with a top-level `quorate:` key, "
                    + "outside hidden folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LintRenderer renderer;
        Exclusions excluded;
        try {
            renderer = Renderers.of(format, new RenderOptions(quiet, docsBase == null ? null : docsBase(docsBase)));
            excluded = Exclusions.of(excludes);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        FailOn threshold = choice(FailOn.class, failOn);
        if (threshold == null) return usage(err, "--fail-on: `" + failOn + "` is not error, warning, info or never" + didYouMean(failOn, FailOn.values()));
        Map<String, Level> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : levels.entrySet()) {
            if (CheckRegistry.check(e.getKey()) == null) return usage(err, "--level: " + CheckIds.unknown(e.getKey()));
            Level level = Level.parse(e.getValue());
            if (level == null) {
                return usage(err, "--level " + e.getKey() + ": `" + e.getValue() + "` is not error, warning, info or off"
                        + didYouMean(e.getValue().toLowerCase(java.util.Locale.ROOT), Level.values()));
            }
            parsed.put(e.getKey(), level);
        }
        LocalDate day;
        try {
            day = today == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            return usage(err, "--today: `" + today + "` is not a date such as 2027-06-30");
        }
        PolicySet policy;
        try {
            policy = PolicyLoader.load(paths, excluded);
        } catch (InputException e) {
            // CI reads the report it asked for even when there is nothing to lint; people read standard error
            if (!format.strip().equalsIgnoreCase("text")) {
                out.print(renderer.render(LoadErrors.report(e.diagnostics())));
                out.flush();
            }
            Inputs.print(e.diagnostics(), err);
            return ExitCode.BAD_INPUT;
        }
        LintReport report = Linter.lint(policy, new LintOptions(parsed, day));
        out.print(renderer.render(report));
        out.flush();
        if (threshold == FailOn.never) return ExitCode.OK;
        return report.reaches(Severity.valueOf(threshold.name().toUpperCase(java.util.Locale.ROOT))) ? ExitCode.DENIED : ExitCode.OK;
    }

    /** The base URI with a final slash, so that doc pages resolve below it rather than beside it. */
    private static URI docsBase(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (!uri.isAbsolute()) throw new IllegalArgumentException("--docs-base: `" + text + "` is not an absolute url such as https://example.org/quorate/blob/v0.1.0/");
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--docs-base: `" + text + "` is not a url: " + e.getReason());
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(text.strip())) return e;
        return null;
    }

    /** {@code : did you mean `x`?} when one of {@code choices} is close to {@code text}; empty otherwise. */
    private static String didYouMean(String text, Enum<?>[] choices) {
        String close = Suggest.didYouMean(text, java.util.Arrays.stream(choices).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return close == null ? "" : ": " + close;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}
