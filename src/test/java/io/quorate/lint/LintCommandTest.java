package io.quorate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.ExitCode;
import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorate lint} and {@code quorate explain} from the command line: exit codes and formats. */
class LintCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path write(Path dir, String yaml) throws Exception {
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    static final String CLEAN = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
            """;

    static final String WARNS = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 2, keys: [{key: k1, weight: 2}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
            """;

    static final String FAILS = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 0, keys: [{key: k1, weight: 1}]}
            """;

    @Test
    void a_clean_policy_exits_0(@TempDir Path dir) throws Exception {
        Run r = run("lint", "--today", "2026-11-23", write(dir, CLEAN).toString());
        assertEquals(ExitCode.OK, r.exit(), r.out() + r.err());
    }

    @Test
    void warnings_pass_the_default_fail_on_error_and_fail_fail_on_warning(@TempDir Path dir) throws Exception {
        String p = write(dir, WARNS).toString();
        assertEquals(ExitCode.OK, run("lint", p).exit());
        assertEquals(ExitCode.DENIED, run("lint", "--fail-on", "warning", p).exit());
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "warning", "--level", "single-key-control=info", p).exit());
        assertEquals(ExitCode.DENIED, run("lint", "--level", "single-key-control=error", p).exit());
    }

    @Test
    void an_error_exits_1_unless_fail_on_never(@TempDir Path dir) throws Exception {
        String p = write(dir, FAILS).toString();
        assertEquals(ExitCode.DENIED, run("lint", p).exit());
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "never", p).exit());
    }

    @Test
    void a_policy_that_does_not_load_exits_2_with_its_diagnostics(@TempDir Path dir) throws Exception {
        Run r = run("lint", write(dir, CLEAN.replace("threshold: 2", "threshold: two")).toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("policy.yaml:6:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void an_unknown_check_in_level_or_an_unknown_format_exits_2(@TempDir Path dir) throws Exception {
        String p = write(dir, CLEAN).toString();
        assertEquals(ExitCode.BAD_INPUT, run("lint", "--level", "no-such-check=off", p).exit());
        assertEquals(ExitCode.BAD_INPUT, run("lint", "--level", "single-key-control=loud", p).exit());
        assertEquals(ExitCode.BAD_INPUT, run("lint", "--format", "xml", p).exit());
        assertEquals(ExitCode.BAD_INPUT, run("lint", "--today", "tomorrow", p).exit());
    }

    @Test
    void every_format_renders(@TempDir Path dir) throws Exception {
        String p = write(dir, WARNS).toString();
        for (String format : new String[] {"text", "json", "sarif", "junit", "github"}) {
            Run r = run("lint", "--format", format, p);
            assertEquals(ExitCode.OK, r.exit(), format + ": " + r.err());
            assertFalse(r.out().isBlank(), format);
        }
        assertTrue(run("lint", "--format", "json", p).out().contains("single-key-control"));
    }

    @Test
    void explain_prints_every_authority_and_capability_of_an_account() {
        Run r = run("explain", "--policy", "policies", "test.auth");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("test.auth (hive)"), r.out());
        assertTrue(r.out().contains("active"), r.out());
        assertTrue(r.out().contains("ops_lead"), r.out());
    }

    @Test
    void explain_an_unknown_account_exits_2() {
        Run r = run("explain", "--policy", "policies", "test.aut");
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("test.auth"), r.err());
    }
}
