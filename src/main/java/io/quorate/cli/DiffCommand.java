package io.quorate.cli;

import io.quorate.diag.InputException;
import io.quorate.plan.DiffJson;
import io.quorate.plan.DiffReport;
import io.quorate.plan.DiffText;
import io.quorate.plan.GitRevision;
import io.quorate.plan.PolicyDiff;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "diff", sortOptions = false,
        description = "Compare two policy sets: accounts and authorities changed, findings new and fixed, resilience before and after, "
                + "and the change steps between them, checked as a plan.",
        footer = {"", "Exit codes: 0 the change is safe, 1 it is not (a step refused or unsafe in every order, or a new error finding), 2 bad input."})
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--git", paramLabel = "REV", description = "Compare PATH as of git revision REV with PATH as it is now.")
    String revision;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or markdown (a pull-request comment). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "1..2", paramLabel = "PATH", description = "OLD NEW policy paths, or one PATH with --git REV.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((revision == null) != (paths.size() == 2)) {
            err.println("error: give OLD and NEW, or one PATH with --git REV");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        Path temp = revision == null ? null : Files.createTempDirectory("quorate-diff");
        try {
            PolicySet before = PolicyLoader.load(List.of(revision == null ? paths.get(0) : GitRevision.checkout(revision, paths.get(0), temp)));
            PolicySet after = PolicyLoader.load(List.of(paths.get(paths.size() - 1)));
            DiffReport d = PolicyDiff.of(before, after);
            out.print(switch (format) {
                case json -> DiffJson.render(d) + "\n";
                case markdown -> DiffText.markdown(d);
                case text -> DiffText.text(d);
            });
            out.flush();
            return d.safe() ? ExitCode.OK : ExitCode.DENIED;
        } catch (InputException e) {
            Inputs.print(e.diagnostics(), err);
            return ExitCode.BAD_INPUT;
        } finally {
            if (temp != null) delete(temp);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
