package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void bundled_examples_decide_as_recorded() {
        Run r = run("test", "--policy", "policies", "examples");
        assertEquals(ExitCode.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
    }

    @Test
    void authorize_prints_one_json_object_per_transaction_and_exits_1_on_a_deny(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, """
                - {account: vault, action: withdraw, signatures: [custodian_a, custodian_b]}
                - {account: vault, action: withdraw, signatures: [custodian_a]}
                """);
        Run r = run("authorize", "--policy", "policies", "--format", "json", tx.toString());
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode allow = new ObjectMapper().readTree(lines[0]);
        JsonNode deny = new ObjectMapper().readTree(lines[1]);
        assertEquals("allow", allow.get("decision").asText());
        assertEquals("deny", deny.get("decision").asText());
        assertEquals("vault@spend", deny.get("required").asText());
        assertEquals(2, deny.get("missing").size(), deny.toString());
        assertTrue(deny.get("policy_revision").asText().startsWith("sha256:"));
    }

    @Test
    void a_batch_decided_side_by_side_is_written_in_order_and_decides_as_the_library(@TempDir Path dir) throws Exception {
        // More transactions than one chunk, allowed and denied in a seeded order, each with its own id.
        String[] signatures = {"[custodian_a, custodian_b]", "[custodian_a]", "[custodian_b, custodian_c]", "[auditor]"};
        java.util.Random random = new java.util.Random(7);
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            yaml.append("- {id: tx-").append(i).append(", account: vault, action: withdraw, signatures: ")
                    .append(signatures[random.nextInt(signatures.length)]).append("}\n");
        }
        Path tx = Files.writeString(dir.resolve("batch.yaml"), yaml);
        Run r = run("authorize", "--policy", "policies", "--format", "json", tx.toString());
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        io.quorate.engine.PreparedPolicy library = io.quorate.engine.Quorate.load(List.of(Path.of("policies")));
        List<io.quorate.transaction.Transaction> txs = io.quorate.transaction.TransactionLoader.load(tx);
        String[] lines = r.out().strip().split("\n");
        assertEquals(txs.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = new ObjectMapper().readTree(lines[i]);
            assertEquals("tx-" + i, line.get("id").asText(), lines[i]);
            assertEquals(library.authorize(txs.get(i)).decision().label(), line.get("decision").asText(), lines[i]);
        }
    }

    @Test
    void all_allowed_exits_0(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.json");
        Files.writeString(tx, "{\"account\": \"test.auth\", \"action\": \"transfer\", \"signatures\": [\"ops_lead\", \"treasurer\"]}");
        assertEquals(ExitCode.OK, run("authorize", "--policy", "policies", tx.toString()).exit());
    }

    @Test
    void a_broken_policy_is_reported_with_its_location_and_exit_2(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "quorate: 1\naccounts:\n  vault:\n    chain: generic\n    authorites: {}\n");
        Run r = run("compile", policy.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("p.yaml:5:5"), r.err());
        assertTrue(r.err().contains("did you mean `authorities`?"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void a_malformed_transaction_file_exits_2(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, "account: vault\naction: [withdraw\n");
        Run r = run("authorize", "--policy", "policies", tx.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("tx.yaml:"), r.err());
    }

    @Test
    void compile_emits_one_rule_per_authority() {
        Run r = run("compile", "--emit-drl", "policies");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("rule \"eos mymultisig11@active\""), r.out());
        assertTrue(r.out().contains("rule \"ft4 company@dan\""), r.out());
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        assertEquals(ExitCode.BAD_INPUT, run("authorize", "--polcy", "policies", "x.yaml").exit());
    }
}
