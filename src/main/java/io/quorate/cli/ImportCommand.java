package io.quorate.cli;

import io.quorate.chains.imports.ImportException;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Importer;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.yaml.InputLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", sortOptions = false,
        description = {"Turn accounts as the chain's own API returns them into one policy file.",
                "eos: get_account; hive: condenser_api.get_accounts or database_api.find_accounts;",
                "casper: state_get_account_info (or the account JSON explorers print);",
                "ft4: ft4.get_account_auth_descriptors and ft4.get_account_main_auth_descriptor (JSON or chr output)."},
        footer = {"", "Exit codes: 0 written, 2 a file could not be read or imported."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "CHAIN", description = "eos, hive, casper or ft4.")
    String from;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.yaml", description = "Write the policy here instead of standard output.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The API's answers, one account or more per file; - reads standard input.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Importer.Input> inputs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String f : files) {
            try {
                InputLimits limits = InputLimits.current();
                Diagnostic oversize = f.equals("-") ? null : limits.oversize(Path.of(f), f);
                String text = oversize != null ? null
                        : f.equals("-") ? limits.readAll(System.in) : Files.readString(Path.of(f), StandardCharsets.UTF_8);
                if (text == null) {
                    unreadable.add((oversize != null ? oversize : limits.oversize("<stdin>")).render());
                    continue;
                }
                inputs.add(new Importer.Input(f.equals("-") ? "<stdin>" : f, text));
            } catch (NoSuchFileException e) {
                unreadable.add(f + ": no such file");
            } catch (IOException | RuntimeException e) {
                unreadable.add(f + ": the file cannot be read as UTF-8 text");
            }
        }
        if (!unreadable.isEmpty()) {
            unreadable.forEach(err::println);
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        Importer.Result result;
        try {
            result = Importer.run(from, inputs);
        } catch (ImportException e) {
            e.problems().forEach(p -> err.println(p.render()));
            err.println(e.problems().size() + (e.problems().size() == 1 ? " error" : " errors"));
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        for (ImportProblem w : result.warnings()) err.println("warning: " + w.render());
        String name = output == null ? "<imported>.yaml" : output.toString();
        try {
            PolicyLoader.load(name, result.yaml());
        } catch (InputException e) {
            err.println("the imported accounts do not make a valid policy:");
            Inputs.print(e.diagnostics(), err);
            out.print(result.yaml());
            out.flush();
            return ExitCode.BAD_INPUT;
        }
        if (output == null) {
            out.print(result.yaml());
            out.flush();
        } else {
            try {
                Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(output + ": cannot write the policy: " + e.getMessage());
                err.flush();
                return ExitCode.BAD_INPUT;
            }
        }
        err.flush();
        return ExitCode.OK;
    }
}
