package io.quorate.cli;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading what the user points a command at, reporting every problem before giving up. */
final class Inputs {

    private Inputs() {
    }

    /** The prepared policy, or null after printing every problem found in it. */
    static PreparedPolicy policy(List<Path> paths, PrintWriter err) {
        try {
            return Quorate.load(paths);
        } catch (InputException e) {
            print(e.diagnostics(), err);
            return null;
        }
    }

    static void print(List<Diagnostic> diagnostics, PrintWriter err) {
        diagnostics.forEach(d -> err.println(d.render()));
        long errors = diagnostics.stream().filter(d -> d.severity() == io.quorate.diag.Severity.ERROR).count();
        err.println(errors + (errors == 1 ? " error" : " errors"));
        err.flush();
    }

    /** Transaction files, directories of them (searched for *.yaml, *.yml, *.json), or "-" for standard input. */
    static List<Transaction> transactions(List<String> args, InputStream stdin, List<Diagnostic> problems) {
        List<Transaction> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                try {
                    String text = InputLimits.current().readAll(stdin);
                    if (text == null) {
                        problems.add(InputLimits.current().oversize("<stdin>"));
                        continue;
                    }
                    out.addAll(TransactionLoader.load("<stdin>", text));
                } catch (InputException e) {
                    problems.addAll(e.diagnostics());
                } catch (IOException e) {
                    problems.add(Diagnostic.error("unreadable-file", SourceLocation.ofFile("<stdin>"),
                            "cannot read standard input: " + e.getMessage(), null));
                }
                continue;
            }
            for (Path file : files(Path.of(arg), problems)) {
                try {
                    out.addAll(TransactionLoader.load(file));
                } catch (InputException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        }
        return out;
    }

    private static List<Path> files(Path path, List<Diagnostic> problems) {
        if (!Files.exists(path)) {
            problems.add(Diagnostic.error("missing-file", SourceLocation.ofFile(path.toString()),
                    "no such file or directory", "check the path"));
            return List.of();
        }
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(Diagnostic.error("unreadable-file", SourceLocation.ofFile(path.toString()),
                    "cannot read the directory: " + e.getMessage(), null));
            return List.of();
        }
    }
}
