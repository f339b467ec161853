package io.quorate.cli;

import io.quorate.diag.InputException;
import io.quorate.plan.Plan;
import io.quorate.plan.PlanJson;
import io.quorate.plan.PlanLoader;
import io.quorate.plan.PlanReport;
import io.quorate.plan.PlanRunner;
import io.quorate.plan.PlanText;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "plan", sortOptions = false,
        description = "Check a proposed change of accounts step by step before anyone signs it: authorized, accepted by the chain, safe.",
        footer = {"", "Exit codes: 0 safe, 1 a step is unsafe or rejected, 2 bad input."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "PATH",
            description = "Policy file or directory the plan changes (repeatable; default: the plan's own `policy:`).")
    List<Path> policy;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (one object per step, then a summary). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Parameters(arity = "1", paramLabel = "PLAN_FILE", description = "The change plan (YAML).")
    Path planFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan;
        try {
            plan = PlanLoader.load(planFile, policyFor(planFile, policy));
        } catch (InputException e) {
            Inputs.print(e.diagnostics(), err);
            return ExitCode.BAD_INPUT;
        }
        try (PlanRunner runner = new PlanRunner()) {
            PlanReport report = runner.run(plan);
            if (format == OutputFormat.json) PlanJson.lines(report).forEach(out::println);
            else out.print(PlanText.render(report));
            out.flush();
            return report.verdict().equals("safe") ? ExitCode.OK : ExitCode.DENIED;
        }
    }

    /** The policy set a plan changes: the one given, else the plan's own {@code policy:}. */
    static PolicySet policyFor(Path planFile, List<Path> given) throws InputException {
        if (given != null && !given.isEmpty()) return PolicyLoader.load(given);
        Path own = PlanLoader.policyOf(planFile);
        if (own == null) {
            throw new InputException(List.of(io.quorate.diag.Diagnostic.error("missing-policy", io.quorate.diag.SourceLocation.ofFile(planFile.toString()),
                    "the plan names no policy", "give `--policy PATH`, or `policy: PATH` in the plan")));
        }
        return PolicyLoader.load(List.of(own));
    }
}
