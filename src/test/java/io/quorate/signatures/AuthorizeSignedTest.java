package io.quorate.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorate.cli.ExitCode;
import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code quorate authorize} on files carrying real signatures, one per chain. */
class AuthorizeSignedTest {

    private static final String DIR = "src/test/resources/signed/";

    private static List<JsonNode> authorize(String file, int expectedExit) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "authorize", "--policy", DIR + "policy.yaml", "--format", "json", DIR + file);
        assertEquals(expectedExit, exit, out + "\n" + err);
        List<JsonNode> decisions = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) decisions.add(new ObjectMapper().readTree(line));
        return decisions;
    }

    private static String summary(JsonNode d) {
        return d.get("decision").asText() + " " + d.get("reasons").get(0).get("code").asText();
    }

    @Test
    void eos_signatures_are_recovered_verified_and_counted() throws Exception {
        List<JsonNode> d = authorize("eos.yaml", ExitCode.DENIED);
        assertEquals(List.of("allow authorized", "deny duplicate-signature", "deny invalid-signature",
                "deny unsatisfied-authority", "deny invalid-signature"), d.stream().map(AuthorizeSignedTest::summary).toList());
        assertEquals("[\"eos_alice\"]", d.get(0).get("used_keys").toString());
        assertEquals(true, d.get(2).get("reasons").get(0).get("message").asText().startsWith("signature 1 "));
    }

    @Test
    void hive_transactions_decide_on_the_keys_that_signed_them() throws Exception {
        List<JsonNode> d = authorize("hive.yaml", ExitCode.DENIED);
        assertEquals(List.of("allow authorized", "deny unsatisfied-authority", "deny duplicate-signature",
                "allow authorized", "deny unsatisfied-authority", "deny unsatisfied-authority"),
                d.stream().map(AuthorizeSignedTest::summary).toList());
        assertEquals("alice", d.get(0).get("account").asText());
        assertEquals("[\"hive_alice_active\",\"hive_bob_active\"]", d.get(0).get("used_keys").toString());
    }

    @Test
    void casper_deploys_are_matched_to_the_account_by_hash_and_their_approvals_verified() throws Exception {
        List<JsonNode> d = authorize("casper.yaml", ExitCode.DENIED);
        assertEquals(List.of("allow authorized", "deny unsatisfied-authority", "deny invalid-signature"),
                d.stream().map(AuthorizeSignedTest::summary).toList());
        assertEquals("treasury", d.get(0).get("account").asText());
    }

    @Test
    void ft4_signatures_verify_against_their_signers() throws Exception {
        List<JsonNode> d = authorize("ft4.yaml", ExitCode.DENIED);
        assertEquals(List.of("allow authorized", "deny unsatisfied-authority", "deny invalid-signature"),
                d.stream().map(AuthorizeSignedTest::summary).toList());
    }
}
