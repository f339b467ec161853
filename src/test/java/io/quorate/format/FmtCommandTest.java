package io.quorate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.ExitCode;
import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorate fmt} on files: what it writes, what it reports, and its exit codes. */
class FmtCommandTest {

    private static final String UNSORTED = """
            # a vault
            accounts:
              vault:
                authorities:
                  admin: {threshold: 1, keys: [{weight: 1, key: k1}]}   # one key
                chain: generic
            quorate: 1
            """;
    private static final String CANONICAL = """
            # a vault
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 1, keys: [{key: k1, weight: 1}]}   # one key
            """;
    private static final String MALFORMED = "quorate: 1\naccounts:\n  vault: {chain: generic, authorities: {admin: {threshold: 1, keys: [}}\n";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path vault;

    @BeforeEach
    void files() throws Exception {
        vault = dir.resolve("vault.yaml");
        Files.writeString(vault, UNSORTED);
        Files.writeString(dir.resolve("workflow.yml"), "on: push\njobs: {}\n");
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve(".hidden/skipped.yaml"), UNSORTED);
    }

    @Test
    void check_lists_the_files_that_would_change_exits_1_and_writes_nothing() throws Exception {
        Run r = run("fmt", "--check", dir.toString());
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        assertEquals(vault + "\n", r.out().replace("\r\n", "\n"));
        assertTrue(r.err().contains("1 file would be reformatted"), r.err());
        assertEquals(UNSORTED, Files.readString(vault));
    }

    @Test
    void diff_prints_a_unified_diff_exits_1_and_writes_nothing() throws Exception {
        Run r = run("fmt", "--diff", vault.toString());
        assertEquals(ExitCode.DENIED, r.exit(), r.err());
        String name = vault.toString().replace('\\', '/');
        String sep = name.startsWith("/") ? "" : "/";
        assertTrue(r.out().startsWith("--- a" + sep + name + "\n+++ b" + sep + name + "\n@@ -1,"), r.out());
        assertTrue(r.out().contains("\n+quorate: 1\n"), r.out());
        assertTrue(r.out().contains("\n-quorate: 1\n"), r.out());
        assertTrue(r.out().contains("\n-      admin: {threshold: 1, keys: [{weight: 1, key: k1}]}   # one key\n"), r.out());
        assertEquals(UNSORTED, Files.readString(vault));
    }

    @Test
    void fmt_rewrites_in_place_and_then_check_and_diff_pass() throws Exception {
        Run r = run("fmt", dir.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals(CANONICAL, Files.readString(vault));
        assertEquals("on: push\njobs: {}\n", Files.readString(dir.resolve("workflow.yml")), "YAML that is no Quorate file is passed over");
        assertEquals(UNSORTED, Files.readString(dir.resolve(".hidden/skipped.yaml")), "hidden folders are skipped");
        assertEquals(ExitCode.OK, run("fmt", "--check", dir.toString()).exit());
        Run diff = run("fmt", "--diff", dir.toString());
        assertEquals(ExitCode.OK, diff.exit());
        assertEquals("", diff.out());
    }

    @Test
    void a_file_that_does_not_load_is_reported_with_its_location_exits_2_and_is_never_rewritten() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, MALFORMED);
        Run r = run("fmt", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(bad + ":3:"), r.err());
        assertTrue(r.err().contains("error[yaml-syntax]"), r.err());
        assertEquals(MALFORMED, Files.readString(bad));
        assertEquals(CANONICAL, Files.readString(vault), "the files that load are still formatted");

        String unknownKey = CANONICAL.replace("parent", "x").replace("threshold: 1, keys", "threshold: 1, kees");
        Files.writeString(bad, unknownKey);
        Run semantic = run("fmt", "--check", bad.toString());
        assertEquals(ExitCode.BAD_INPUT, semantic.exit());
        assertTrue(semantic.err().contains(bad + ":7:29: error[unknown-field]"), semantic.err());
        assertTrue(semantic.err().contains("`kees`"), semantic.err());
        assertEquals(unknownKey, Files.readString(bad));
    }

    @Test
    void a_file_named_that_fmt_does_not_know_is_an_error_and_a_missing_one_too() {
        Run r = run("fmt", dir.resolve("workflow.yml").toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("error[fmt-unknown-file]"), r.err());
        Run missing = run("fmt", dir.resolve("nothing.yaml").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exit());
        assertTrue(missing.err().contains("error[missing-file]"), missing.err());
    }

    @Test
    void transaction_files_and_plans_are_formatted_and_loaded_by_their_own_loaders() throws Exception {
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, "- {signatures: [k1], action: withdraw, account: vault}\n- expect: allow\n  account: vault\n  action: withdraw\n");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "steps:\n  - {signatures: [k1], op: remove_authority, authority: admin}\npolicy: vault.yaml\nquorate: 1\naccount: vault\n");
        Run r = run("fmt", tx.toString(), plan.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals("- {account: vault, action: withdraw, signatures: [k1]}\n- account: vault\n  action: withdraw\n  expect: allow\n",
                Files.readString(tx));
        assertEquals("quorate: 1\npolicy: vault.yaml\naccount: vault\nsteps:\n  - {op: remove_authority, authority: admin, signatures: [k1]}\n",
                Files.readString(plan));
        Files.writeString(plan, "quorate: 1\nsteps: [{op: remove_authority, authority: admin}]\naccount: vault\n");
        Run noPolicy = run("fmt", plan.toString());
        assertEquals(ExitCode.BAD_INPUT, noPolicy.exit());
        assertTrue(noPolicy.err().contains("error[fmt-plan-without-policy]"), noPolicy.err());
        assertEquals(ExitCode.OK, run("fmt", "--policy", vault.toString(), plan.toString()).exit());
        assertFalse(Files.readString(plan).contains("policy:"), "--policy is not written into the plan");
    }

    @Test
    void test_files_are_formatted_and_a_case_without_a_unique_name_stops_it() throws Exception {
        Path tests = dir.resolve("vault_test.yaml");
        Files.writeString(tests, "tests:\n  - expect: allow   # the custodian alone\n    name: one key\n"
                + "    transaction: {signatures: [k1], action: withdraw, account: vault}\nquorate: 1\npolicy: vault.yaml\n");
        assertEquals(ExitCode.OK, run("fmt", tests.toString()).exit());
        assertEquals("quorate: 1\npolicy: vault.yaml\ntests:\n  - name: one key\n"
                + "    transaction: {account: vault, action: withdraw, signatures: [k1]}\n    expect: allow   # the custodian alone\n",
                Files.readString(tests));
        String duplicate = "quorate: 1\npolicy: vault.yaml\ntests:\n  - {name: a, transaction: {account: vault, action: withdraw}, expect: allow}\n"
                + "  - {expect: deny, name: a, transaction: {account: vault, action: withdraw}}\n";
        Files.writeString(tests, duplicate);
        Run r = run("fmt", tests.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        assertTrue(r.err().contains(tests + ":5:") && r.err().contains("error[duplicate-case-name]"), r.err());
        assertEquals(duplicate, Files.readString(tests));
    }
}
