package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organisation conditions through the command line: the rules they compile to, and decisions that explain them. */
class ConditionsCommandTest {

    @Test
    void compile_emits_the_condition_rules_after_the_authority_rules() {
        CommandLineTest.Run r = CommandLineTest.run("compile", "--emit-drl", "policies/eos-treasury.yaml");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        int authorities = r.out().indexOf("package io.quorate.rules.policy;");
        int conditions = r.out().indexOf("package io.quorate.conditions.policy;");
        assertTrue(authorities >= 0 && conditions > authorities, r.out());
        assertTrue(r.out().contains("rule \"condition 1 acmetreasury: large-to-exchange\""), r.out());
        assertTrue(r.out().contains("amount > 10000.0000B"), r.out());
        assertTrue(r.out().contains("ConditionList( name == \"exchanges\", lists($c.to) )"), r.out());
        CommandLineTest.Run summary = CommandLineTest.run("compile", "policies/eos-treasury.yaml");
        assertTrue(summary.out().contains("compiled 5 condition rules into 8 rules"), summary.out());
    }

    @Test
    void decisions_say_what_the_conditions_concluded() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("authorize", "--policy", "policies", "--format", "json", "examples/eos-treasury.yaml");
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        JsonNode outsideHours = new ObjectMapper().readTree(r.out().lines().toList().get(3));
        assertEquals("approval-required", outsideHours.get("reasons").get(0).get("code").asText());
        assertEquals("require", outsideHours.get("conditions").get("outcome").asText());
        assertEquals("1 more of security (sec_lead)", outsideHours.get("conditions").get("missing").get(0).asText());
        CommandLineTest.Run text = CommandLineTest.run("authorize", "--policy", "policies", "examples/eos-treasury.yaml");
        assertTrue(text.out().contains("  approvals missing: 1 more of security (sec_lead)"), text.out());
    }

    @Test
    void a_wrong_precision_is_bad_input_with_its_place(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, "account: acmetreasury\naction: eosio.token::transfer\nsignatures: [cfo, deputy_cfo]\n"
                + "data: {to: supplier1111, quantity: \"1.00 EOS\"}\n");
        CommandLineTest.Run r = CommandLineTest.run("authorize", "--policy", "policies", tx.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("tx.yaml:4:36: error[wrong-precision]"), r.err());
    }
}
