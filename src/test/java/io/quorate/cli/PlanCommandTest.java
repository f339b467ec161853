package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quorate plan and quorate diff on the command line: output formats and exit codes. */
class PlanCommandTest {

    @Test
    void a_safe_plan_exits_0_and_prints_one_json_object_per_step_then_the_summary() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("plan", "--format", "json", "examples/plans/casper-multisig.yaml");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(8, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals(1, first.get("step").asInt());
        assertEquals("ok", first.get("verdict").asText());
        assertTrue(first.get("figures").has("key_management"));
        JsonNode summary = new ObjectMapper().readTree(lines[7]).get("summary");
        assertEquals("safe", summary.get("verdict").asText());
        assertTrue(summary.get("reorder").isNull());
    }

    @Test
    void a_rejected_plan_exits_1_and_names_the_chain_error_and_a_safe_order() {
        CommandLineTest.Run r = CommandLineTest.run("plan", "examples/plans/casper-wrong-order.yaml");
        assertEquals(ExitCode.DENIED, r.exit());
        assertTrue(r.out().contains("DeploymentThreshold"), r.out());
        assertTrue(r.out().contains("in this order: weight-3, key-management-3, deployment-2"), r.out());
    }

    @Test
    void a_bad_plan_exits_2_with_file_line_and_column(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "quorate: 1\naccount: casper-primary\nsteps:\n  - {op: set_thresold, action: deployment, threshold: 2}\n");
        CommandLineTest.Run r = CommandLineTest.run("plan", "--policy", "policies", plan.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains(plan + ":4:"), r.err());
        assertTrue(r.err().contains("unknown-operation"), r.err());
    }

    @Test
    void diff_writes_a_markdown_summary() {
        CommandLineTest.Run r = CommandLineTest.run("diff", "--format", "markdown", "examples/plans/start/hive-single.yaml", "policies/hive-test-auth.yaml");
        assertTrue(r.out().startsWith("### Quorate: "), r.out());
        assertTrue(r.out().contains("| `test.auth@active` |"), r.out());
    }

    @Test
    void diff_needs_two_paths_or_a_revision() {
        assertEquals(ExitCode.BAD_INPUT, CommandLineTest.run("diff", "policies").exit());
    }
}
