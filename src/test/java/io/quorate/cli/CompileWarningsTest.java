package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.CommandLineTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy with lint errors compiles and serves only with a warning per error, and not at all under serve --strict. */
class CompileWarningsTest {

    static final String UNUSABLE = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 0, keys: [{key: k1, weight: 1}]}
            """;

    @Test
    void compile_warns_once_per_lint_error_and_still_compiles(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), UNUSABLE);
        Run r = CommandLineTest.run("compile", p.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("compiled 1 accounts"), r.out());
        long warnings = r.err().lines().filter(l -> l.startsWith("warning: " + p + ":6:")).count();
        assertEquals(1, warnings, r.err());
        assertTrue(r.err().contains("lint error[open-authority]"), r.err());
        assertEquals(1, r.err().lines().count(), "one line per lint error: " + r.err());
    }

    @Test
    void a_clean_policy_compiles_without_a_word_on_standard_error() {
        Run r = CommandLineTest.run("compile", "policies");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertFalse(r.err().contains("lint error"), r.err());
    }

    @Test
    void serve_strict_refuses_a_policy_with_lint_errors(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), UNUSABLE);
        Run r = CommandLineTest.run("serve", "--strict", "--port", "0", "--policy", p.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("lint error[open-authority]"), r.err());
        assertTrue(r.err().contains("error: --strict: the policy has lint errors"), r.err());
        assertFalse(r.out().contains("listening"), r.out());
    }
}
