package io.quorate.cli;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.diag.InputException;
import io.quorate.policy.Account;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Suggest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", sortOptions = false,
        description = "Say, for people, who can act for each authority and capability of an account, and how many lost keys it survives.",
        footer = {"", "Exit codes: 0 explained, 2 bad input (a policy with errors, an unknown account)."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH", description = "Policy file or directory (repeatable).")
    List<Path> policy;

    @Parameters(arity = "1..*", paramLabel = "ACCOUNT", description = "Accounts to explain.")
    List<String> accounts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicySet set;
        try {
            set = PolicyLoader.load(policy);
        } catch (InputException e) {
            Inputs.print(e.diagnostics(), err);
            return ExitCode.BAD_INPUT;
        }
        for (String name : accounts) {
            if (set.account(name) == null) {
                String suggestion = Suggest.didYouMean(name, set.accounts().keySet());
                err.println("error: unknown account `" + name + "`" + (suggestion == null ? "" : "\n  help: " + suggestion));
                err.flush();
                return ExitCode.BAD_INPUT;
            }
        }
        Analysis analysis = Analysis.of(set);
        boolean first = true;
        for (String name : accounts) {
            Account account = set.account(name);
            if (!first) out.println();
            first = false;
            out.println(name + " (" + account.chain().id() + ")");
            for (AuthorityAnalysis a : analysis.authorities()) {
                if (!a.account().equals(name)) continue;
                out.println("  " + a.kind() + " " + a.authority() + ": " + Analysis.describe(a.figures(), a.keys(), a.formula()));
            }
            for (CapabilityAnalysis c : analysis.capabilities()) {
                if (!c.account().equals(name)) continue;
                out.println("  can " + c.capability() + " (via " + String.join(", ", c.grantedBy()) + "): "
                        + Analysis.describe(c.figures(), c.keys(), c.formula()));
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
