package io.quorate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.chains.OnChainId;
import io.quorate.chains.OnChainIds;
import io.quorate.diag.InputException;
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

@Command(name = "ids", sortOptions = false,
        description = {"Print the on-chain id of every account and authority.",
                "FT4 account and auth descriptor ids, Casper account hashes of the account and its associated keys,",
                "EOS and Hive account names."},
        footer = {"", "Exit codes: 0 printed, 2 the policy has errors."})
final class IdsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "Policy files or directories.")
    List<Path> policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicySet set;
        try {
            set = PolicyLoader.load(policy);
        } catch (InputException e) {
            Inputs.print(e.diagnostics(), spec.commandLine().getErr());
            return ExitCode.BAD_INPUT;
        }
        List<OnChainId> ids = OnChainIds.list(set);
        if (format == OutputFormat.json) {
            ObjectMapper json = new ObjectMapper();
            for (OnChainId id : ids) {
                ObjectNode o = json.createObjectNode();
                o.put("subject", id.subject());
                o.put("account", id.account());
                o.put("chain", set.account(id.account()).chain().id());
                o.put("kind", id.kind().name().toLowerCase(java.util.Locale.ROOT));
                o.put("id", id.id());
                o.put("certain", id.kind().certain());
                out.println(o);
            }
        } else {
            int width = ids.stream().mapToInt(i -> i.subject().length()).max().orElse(0);
            for (OnChainId id : ids) {
                out.println(String.format("%-" + width + "s  %s  %s", id.subject(), id.id(), id.kind().description()));
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
