package io.quorate.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorate.cli.Main;
import io.quorate.policy.PolicyLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorate ids} and {@code quorate import} from the command line. */
class CommandsTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String sample(String path) {
        try {
            return Path.of(CommandsTest.class.getResource("/import/" + path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ids_prints_each_account_and_descriptor_with_its_chain_id(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, OnChainIdsTest.POLICY);
        Run r = run("ids", policy.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("company@owners +CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5  auth descriptor id")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("fresh +885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5  account id if registered .*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("treasury@primary +account-hash-1ed5a1c3\\w+  associated key's account hash")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("mymultisig11 +mymultisig11  account name")), r.out());
        assertFalse(r.out().contains("vault"), r.out());
    }

    @Test
    void ids_as_json_is_one_object_per_line(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, OnChainIdsTest.POLICY);
        Run r = run("ids", "--format", "json", policy.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode dan = null;
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = new ObjectMapper().readTree(line);
            if (n.get("subject").asText().equals("company@dan")) dan = n;
        }
        assertEquals("C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E", dan.get("id").asText());
        assertEquals("ft4", dan.get("chain").asText());
        assertEquals("auth_descriptor_id", dan.get("kind").asText());
    }

    @Test
    void ids_of_a_broken_policy_exits_2(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "quorate: 1\naccounts:\n  x: {chain: ft5}\n");
        Run r = run("ids", policy.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("p.yaml:3:"), r.err());
    }

    @Test
    void import_writes_a_policy_that_loads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("company.yaml");
        Run r = run("import", "--from", "ft4", sample("ft4/get_account_auth_descriptors.txt"), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        PolicyLoader.load(java.util.List.of(out));
        Run ids = run("ids", out.toString());
        assertTrue(ids.out().contains("CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5"), ids.out());
    }

    @Test
    void import_prints_to_standard_output_without_o() {
        Run r = run("import", "--from", "CASPER", sample("casper/tutorial_account.txt"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("# imported by `quorate import --from casper` from "), r.out());
        assertTrue(r.out().contains("account_hash: account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7"), r.out());
    }

    @Test
    void import_of_malformed_json_names_the_path_and_exits_2_without_a_stack_trace() {
        Run r = run("import", "--from", "eos", sample("eos/malformed.json"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("$.permissions[1].required_auth.threshold: expected an integer, got the string `1`"), r.err());
        assertTrue(r.err().strip().endsWith("2 errors"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void import_of_a_missing_file_or_unknown_chain_exits_2() {
        Run missing = run("import", "--from", "hive", "no-such-file.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no-such-file.json: no such file"), missing.err());
        Run chain = run("import", "--from", "generic", sample("eos/malformed.json"));
        assertEquals(2, chain.exit());
        assertFalse(chain.err().contains("Exception"), chain.err());
    }
}
