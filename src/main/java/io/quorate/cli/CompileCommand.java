package io.quorate.cli;

import io.quorate.compile.CompiledPolicy;
import io.quorate.diag.InputException;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile", sortOptions = false,
        description = "Load and compile a policy set into Drools rules; report what was built, or print the DRL.",
        footer = {"", "Each lint error of the policy is a warning on standard error (`quorate lint` explains it).",
                "Exit codes: 0 compiled, 2 the policy has errors."})
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--emit-drl", description = "Print the rules that were built, as DRL, instead of a summary.")
    boolean emitDrl;

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "Policy files or directories.")
    List<Path> policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PolicySet set;
        try {
            set = PolicyLoader.load(policy);
        } catch (InputException e) {
            Inputs.print(e.diagnostics(), err);
            return ExitCode.BAD_INPUT;
        }
        out.print(compile(set, start));
        out.flush();
        // The built rules are let go first: linting a large policy needs the heap they held.
        LintWarnings.print(set, err);
        return ExitCode.OK;
    }

    /** The rules as DRL, or a summary of what was built; the prepared policy is closed and let go on return. */
    private String compile(PolicySet set, long start) {
        try (PreparedPolicy prepared = Quorate.prepare(set)) {
            CompiledPolicy compiled = prepared.compiled();
            if (emitDrl) {
                // the organisation's conditions are a second rule package, printed after the authorities'
                return prepared.rules().drl() + (prepared.conditions() == null ? "" : "\n" + prepared.conditions().rules().drl());
            }
            StringBuilder summary = new StringBuilder(String.format("compiled %d accounts, %d authorities into %d rules in %d ms%n",
                    compiled.accounts().size(), compiled.programs().size(), compiled.programs().size(),
                    (System.nanoTime() - start) / 1_000_000));
            if (prepared.conditions() != null) {
                summary.append(String.format("compiled %d condition rules into %d rules%n", set.conditions().rules().size(),
                        prepared.conditions().rules().size()));
            }
            return summary.append("revision ").append(prepared.revision()).append(System.lineSeparator()).toString();
        }
    }
}
