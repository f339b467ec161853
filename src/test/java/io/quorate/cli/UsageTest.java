package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quorate.cli.CommandLineTest.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command does with --help, --version, unknown commands and numbers out of range. */
class UsageTest {

    static Run run(String... args) {
        return CommandLineTest.run(args);
    }

    static Map<String, CommandLine> commands() {
        return new CommandLine(new Main()).getSubcommands();
    }

    @Test
    void help_on_every_command_exits_0_with_its_full_usage() {
        assertTrue(commands().size() >= 10, commands().keySet().toString());
        for (String name : commands().keySet()) {
            for (String flag : List.of("--help", "-h")) {
                Run r = run(name, flag);
                assertEquals(ExitCode.OK, r.exit(), name + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: quorate " + name), name + ": " + r.out());
                assertTrue(r.out().contains("Exit codes:"), name + ": " + r.out());
                assertEquals("", r.err(), name);
            }
        }
    }

    @Test
    void help_wins_over_missing_arguments_and_unknown_options() {
        assertEquals(ExitCode.OK, run("lint", "--help").exit());
        assertEquals(ExitCode.OK, run("authorize", "--help").exit());
        assertEquals(ExitCode.OK, run("bench", "--help").exit());
    }

    /** The project's version as Maven interpolates it into the build (surefire passes it, as resource filtering writes it). */
    static String builtVersion() {
        String v = System.getProperty("quorate.project.version");
        assertNotNull(v, "run the tests through Maven: its surefire configuration passes the project's version as quorate.project.version");
        assertFalse(v.contains("${"), v);
        return v;
    }

    @Test
    void version_prints_the_version_maven_built_then_the_java_runtime_from_the_top_and_from_a_command() {
        String built = builtVersion();
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"lint", "--version"}}) {
            Run r = run(args);
            assertEquals(ExitCode.OK, r.exit(), String.join(" ", args));
            List<String> lines = r.out().strip().lines().toList();
            assertEquals(2, lines.size(), r.out());
            assertEquals("quorate " + built, lines.get(0));
            assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(1));
            assertTrue(lines.get(1).contains(System.getProperty("java.vm.name")), lines.get(1));
            assertEquals("", r.err());
        }
    }

    @Test
    void sarif_names_the_version_maven_built() throws Exception {
        Run r = run("lint", "--format", "sarif", "--fail-on", "never", "policies/generic-vault.yaml");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode driver = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("tool").get("driver");
        assertEquals(builtVersion(), driver.get("version").asText(), driver.toString());
        assertEquals(builtVersion(), driver.get("semanticVersion").asText(), driver.toString());
    }

    @Test
    void every_summary_in_the_command_list_is_a_whole_sentence() {
        Run r = run("--help");
        assertEquals(ExitCode.OK, r.exit());
        for (Map.Entry<String, CommandLine> c : commands().entrySet()) {
            String first = c.getValue().getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), c.getKey() + ": `" + first + "`");
            assertTrue(r.out().replaceAll("\\s+", " ").contains(first), c.getKey() + " is not summarised in:\n" + r.out());
        }
    }

    @Test
    void an_unknown_command_exits_2_naming_it_even_with_help() {
        for (String[] args : new String[][] {{"blueprint", "--help"}, {"blueprint"}}) {
            Run r = run(args);
            assertEquals(ExitCode.BAD_INPUT, r.exit(), String.join(" ", args));
            assertTrue(r.err().contains("unknown command `blueprint`"), r.err());
            assertEquals("", r.out());
        }
        assertTrue(run("autorize").err().contains("did you mean `authorize`?"));
    }

    @Test
    void a_number_out_of_range_is_a_one_line_usage_error() {
        Map<String, String[]> cases = Map.ofEntries(
                Map.entry("--threads must be at least 1, got `0`", new String[] {"bench", "--threads", "1,0"}),
                Map.entry("--accounts must be at least 20, got `-5`", new String[] {"bench", "--accounts", "-5"}),
                Map.entry("--seconds must be above 0, got `0`", new String[] {"bench", "--seconds", "0"}),
                Map.entry("--warmup must be at least 0, got `-1`", new String[] {"bench", "--warmup", "-1"}),
                Map.entry("--port must be between 0 and 65535, got `65536`", new String[] {"serve", "--policy", "policies", "--port", "65536"}),
                Map.entry("--port must be between 0 and 65535, got `-1`", new String[] {"serve", "--policy", "policies", "--port", "-1"}),
                Map.entry("--max-batch must be at least 1, got `0`", new String[] {"serve", "--policy", "policies", "--max-batch", "0"}),
                Map.entry("--max-body-bytes must be at least 1, got `0`", new String[] {"serve", "--policy", "policies", "--max-body-bytes", "0"}),
                Map.entry("--decision-log-queue must be at least 1, got `-3`", new String[] {"serve", "--policy", "policies", "--decision-log-queue", "-3"}),
                Map.entry("--request-timeout-ms must be at least 1, got `0`", new String[] {"serve", "--policy", "policies", "--request-timeout-ms", "0"}),
                Map.entry("--shutdown-timeout-ms must be at least 0, got `-1`", new String[] {"serve", "--policy", "policies", "--shutdown-timeout-ms", "-1"}),
                Map.entry("--threads must be at least 0, got `-2`", new String[] {"serve", "--policy", "policies", "--threads", "-2"}));
        cases.forEach((message, args) -> {
            Run r = run(args);
            assertEquals(ExitCode.BAD_INPUT, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals("error: " + message, r.err().strip(), String.join(" ", args));
            assertEquals("", r.out());
        });
    }
}
