package io.quorate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.CheckRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "checks", sortOptions = false,
        description = {"List the lint checks: id, severity, category and summary.",
                "Given check ids, describe those checks with their advice and doc page."},
        footer = {"", "Exit codes: 0 listed, 2 an unknown check id."})
final class ChecksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Parameters(arity = "0..*", paramLabel = "CHECK", description = "Check ids to describe; all checks when none is given.")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CheckInfo> chosen = new ArrayList<>();
        for (String id : ids) {
            CheckInfo check = CheckRegistry.check(id);
            if (check == null) {
                err.println("error: " + CheckIds.unknown(id));
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            chosen.add(check);
        }
        List<CheckInfo> checks = ids.isEmpty() ? CheckRegistry.checks() : chosen;
        if (format == OutputFormat.json) {
            ObjectMapper json = new ObjectMapper();
            for (CheckInfo c : checks) {
                ObjectNode o = json.createObjectNode();
                o.put("id", c.id());
                o.put("severity", c.severity().label());
                o.put("category", c.category());
                o.put("summary", c.summary());
                o.put("help", c.help());
                o.put("docs", c.docPage());
                out.println(o);
            }
        } else if (ids.isEmpty()) {
            int id = checks.stream().mapToInt(c -> c.id().length()).max().orElse(0);
            int category = checks.stream().mapToInt(c -> c.category().length()).max().orElse(0);
            for (CheckInfo c : checks) {
                out.println(String.format("%-" + id + "s  %-7s  %-" + category + "s  %s", c.id(), c.severity().label(), c.category(), c.summary()));
            }
        } else {
            for (CheckInfo c : checks) {
                out.println(c.id() + " (" + c.severity().label() + ", " + c.category() + "): " + c.summary());
                out.println("  help: " + c.help());
                out.println("  docs: " + c.docPage());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
