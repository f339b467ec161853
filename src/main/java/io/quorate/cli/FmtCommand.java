package io.quorate.cli;

import io.quorate.diag.Diagnostic;
import io.quorate.format.FormatFiles;
import io.quorate.format.FormatFiles.Result;
import io.quorate.format.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fmt", sortOptions = false,
        description = {"Rewrite policy, transaction, change plan and test files in canonical form.",
                "Fields in the formats' order, authority entries sorted as their chain sorts them, comments kept (docs/fmt.md).",
                "A file that does not load is reported and left as it is."},
        footer = {"", "Exit codes: 0 formatted (or already canonical), 1 with --check or --diff: a file would change,",
                "2 a file does not load, 3 an internal error."})
final class FmtCommand implements Callable<Integer> {

    enum Keys { keep, canonical }

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Write nothing; list the files that would change and exit 1 if any would.")
    boolean check;

    @Option(names = "--diff", description = "Write nothing; print a unified diff of each file that would change (exit 1 if any would).")
    boolean diff;

    @Option(names = "--keys", defaultValue = "keep", paramLabel = "keep|canonical",
            description = "canonical: write public keys in their chain's current form (EOS `EOS…` as `PUB_K1_…`). Default: ${DEFAULT-VALUE}.")
    Keys keys;

    @Option(names = "--policy", paramLabel = "PATH", description = "The policy set of change plans that name no `policy:`.")
    Path policy;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or directories searched for *.yaml and *.yml.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> explicit = new ArrayList<>();
        List<Path> files = FormatFiles.files(paths, explicit, problems);
        Set<Path> named = new HashSet<>(explicit);
        int exit = problems.isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
        problems.forEach(d -> err.println(d.render()));
        int changed = 0;
        int unchanged = 0;
        for (Path file : files) {
            Result r = FormatFiles.format(file, named.contains(file), policy, keys == Keys.canonical);
            r.diagnostics().forEach(d -> err.println(d.render()));
            switch (r.outcome()) {
                case UNCHANGED, LEFT_AS_IS -> unchanged++;
                case BAD_INPUT -> exit = Math.max(exit, ExitCode.BAD_INPUT);
                case INTERNAL -> exit = ExitCode.INTERNAL;
                case CHANGED -> {
                    changed++;
                    if (diff) {
                        String name = file.toString().replace('\\', '/');
                        String sep = name.startsWith("/") ? "" : "/";
                        out.print(UnifiedDiff.of("a" + sep + name, "b" + sep + name, r.before(), r.after()));
                    }
                    if (check && !diff) out.println(file);
                    if (check || diff) {
                        if (exit == ExitCode.OK) exit = ExitCode.DENIED;
                    } else if (!write(file, r.after(), err)) {
                        exit = ExitCode.INTERNAL;
                    }
                }
            }
        }
        String verb = check || diff ? (changed == 1 ? " file would be reformatted, " : " files would be reformatted, ")
                : (changed == 1 ? " file reformatted, " : " files reformatted, ");
        err.println(changed + verb + unchanged + " already canonical");
        out.flush();
        err.flush();
        return exit;
    }

    /** Written beside the file and moved over it, so a failure never leaves half a file. */
    private static boolean write(Path file, String text, PrintWriter err) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".fmt");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            err.println(file + ": error[unwritable-file]: cannot write the formatted file: " + e.getMessage());
            return false;
        }
    }
}
