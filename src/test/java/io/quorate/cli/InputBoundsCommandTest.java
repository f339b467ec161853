package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.CommandLineTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or oversized input ends in a documented exit code and a message, never a stack trace. */
class InputBoundsCommandTest {

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void a_file_over_max_input_mb_is_refused_before_reading_and_names_the_option(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "quorate: 1\n" + "# padding\n".repeat(220_000));
        Run r = CommandLineTest.run("compile", "--max-input-mb", "2", big.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(big + ": error[input-too-large]: the file is 3 MB, larger than the limit of 2 MB"), r.err());
        assertTrue(r.err().contains("--max-input-mb 3"), r.err());
        noStackTrace(r);
    }

    @Test
    void the_limit_is_reset_for_each_command_line(@TempDir Path dir) throws Exception {
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, "account: test.auth\naction: transfer\nsignatures: [ops_lead, treasurer]\n" + "#\n".repeat(600_000));
        assertEquals(ExitCode.BAD_INPUT, CommandLineTest.run("authorize", "--max-input-mb", "1", "--policy", "policies", tx.toString()).exit());
        assertEquals(ExitCode.OK, CommandLineTest.run("authorize", "--policy", "policies", tx.toString()).exit());
    }

    @Test
    void deeply_nested_import_json_is_bad_input_not_a_stack_overflow(@TempDir Path dir) throws Exception {
        // 100,000 brackets overflowed the stack in the GTV reader the importer falls back to: exit 1 and a trace
        Path json = dir.resolve("deep.json");
        Files.writeString(json, "[".repeat(100_000) + "]".repeat(100_000));
        Run r = CommandLineTest.run("import", "--from", "eos", json.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("line 1, column 202"), r.err());
        noStackTrace(r);
    }

    @Test
    void deeply_nested_gtv_is_bad_input_with_its_place(@TempDir Path dir) throws Exception {
        Path gtv = dir.resolve("deep.txt");
        Files.writeString(gtv, "[\"a\": ".repeat(50_000));
        Run r = CommandLineTest.run("import", "--from", "ft4", gtv.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("arrays and dicts nest more than 200 levels deep"), r.err());
        noStackTrace(r);
    }

    @Test
    void an_eos_signature_of_600000_characters_is_refused_before_decoding(@TempDir Path dir) throws Exception {
        // base58 decoding is quadratic: this signature took 38 s to be found invalid (in YAML the line is now a `long-line`)
        Path tx = dir.resolve("tx.json");
        Files.writeString(tx, "{\"account\": \"eosvault1111\", \"action\": \"eosio.token::transfer\", "
                + "\"digest\": \"8b3e9fbdc66de0ebce39dbbacdb91f22fe0ac4d148c39283037e3233ade7b1e7\", "
                + "\"signatures\": [\"SIG_K1_" + "K".repeat(600_000) + "\"]}");
        Run r = CommandLineTest.run("authorize", "--policy", "src/test/resources/signed/policy.yaml", "--format", "json", tx.toString());
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        assertTrue(r.out().contains("invalid-signature"), r.out());
        assertTrue(r.out().contains("has 600000 characters after `SIG_K1_`, more than any EOS signature (95)"), r.out());
    }

    @Test
    void a_billion_laughs_on_standard_input_is_bad_input(@TempDir Path dir) {
        StringBuilder bomb = new StringBuilder("account: a\naction: b\nsignatures: [k]\nx:\n  a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 1; i < 9; i++) bomb.append("  a").append(i).append(": &a").append(i).append(" [")
                .append(("*a" + (i - 1) + ",").repeat(9)).append("*a").append(i - 1).append("]\n");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(bomb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run r = CommandLineTest.run("authorize", "--policy", "policies", "-");
            assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
            assertTrue(r.err().contains("<stdin>:10:"), r.err());
            assertTrue(r.err().contains("error[alias-expansion]"), r.err());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void a_gtv_number_of_half_a_million_digits_is_bad_input(@TempDir Path dir) throws Exception {
        // found by the fuzzer: JSON refuses numbers over 1,000 digits, and the GTV reader it falls back to took over 10 s
        Path gtv = dir.resolve("auth.txt");
        Files.writeString(gtv, "[\"auth_type\": " + "9".repeat(500_000) + "]");
        Run r = CommandLineTest.run("import", "--from", "ft4", gtv.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("a number of 500000 digits: at most 1000 are read"), r.err());
        noStackTrace(r);
    }
}
