package io.quorate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorate.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code quorate test} on policy test files: outcomes, diffs, diagnostics, tables, coverage, --update, formats. */
class PolicyTestCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static final String VAULT = """
            quorate: 1
            keys:
              custodian_a: custodian-a-hsm
              custodian_b: custodian-b-hsm
              custodian_c: custodian-c-hsm
            accounts:
              vault:
                chain: generic
                authorities:
                  admin:
                    threshold: 3
                    keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}, {key: custodian_c, weight: 1}]
                  spend:
                    parent: admin
                    threshold: 2
                    keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}, {key: custodian_c, weight: 1}]
                actions: {withdraw: spend, "*": admin}
            """;

    /** Every part of VAULT exercised both ways, except admin's custodian_c, which no denial leaves out alone. */
    static final String ALL_BUT_ONE = """
            quorate: 1
            tests:
              - name: withdrawals
                transaction: {account: vault, action: withdraw}
                subsets:
                  of: [custodian_a, custodian_b, custodian_c]
                  size: {1: deny, 2: allow}
              - name: closing
                transaction: {account: vault, action: close}
                each:
                  - {signatures: [custodian_a, custodian_b, custodian_c], expect: allow}
                  - {signatures: [custodian_b, custodian_c], expect: deny}
                  - {signatures: [custodian_a, custodian_c], expect: deny}
            """;

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void passing_cases_print_pass_and_exit_0(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: two custodians withdraw
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a, custodian_b]}
                    expect:
                      decision: allow
                      reasons: [authorized]
                      satisfied_by: vault@spend
                      used_keys: [custodian_b, custodian_a]
                      unused_keys: []
                  - name: one custodian is missing two others
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: {decision: deny, satisfied_by: null, missing: [[custodian_c], [custodian_b]]}
                  - name: no single-key control
                    lint: {account: vault, lacks: [single-key-control]}
                """);
        Run r = run("test", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  two custodians withdraw"), r.out());
        assertTrue(r.out().contains("3 passed, 0 failed"), r.out());
    }

    @Test
    void a_failing_case_shows_each_differing_field_expected_and_actual(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: one custodian withdraws
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: {decision: allow, reasons: [authorized], satisfied_by: vault@spend, used_keys: [custodian_a]}
                  - name: the vault has single-key control
                    lint: {account: vault, has: [single-key-control]}
                """);
        Run r = run("test", dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("FAIL  one custodian withdraws  (" + dir.resolve("vault_test.yaml") + ":3:5)"), out);
        assertTrue(out.contains("        - decision: allow\n        + decision: deny\n"), out);
        assertTrue(out.contains("        - reasons: [authorized]\n        + reasons: [unsatisfied-authority]\n"), out);
        assertTrue(out.contains("        - satisfied_by: vault@spend\n        + satisfied_by: null\n"), out);
        assertTrue(out.contains("        - used_keys: [custodian_a]\n        + used_keys: []\n"), out);
        assertTrue(out.contains("        - has: [single-key-control]\n        + has: [lockout-on-key-loss]\n"), out);
        assertTrue(out.contains("0 passed, 2 failed"), out);
    }

    @Test
    void a_malformed_test_file_is_every_problem_with_its_location_and_help(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        Path test = write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: dup
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: {decison: allow}
                  - name: dup
                    transaction: {account: vault, action: withdraw}
                    expect: maybe
                  - name: checks
                    lint: {account: vault, has: [single-key-controll]}
                  - name: rule
                    transaction: {account: vault, action: withdraw}
                    subsets: {of: [custodian_a], size: {2: allow}}
                  - name: both
                    transaction: {account: vault, action: withdraw}
                    plan: plans/none.yaml
                """);
        Run r = run("test", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        String err = r.err();
        String f = test.toString();
        assertTrue(err.contains(f + ":5:14: error[unknown-field]: test `dup`: `expect`: unknown field `decison`\n  help: did you mean `decision`?"), err);
        assertTrue(err.contains(f + ":6:11: error[duplicate-case-name]: test `dup`: the name is already used at line 3"), err);
        assertTrue(err.contains(f + ":8:13: error[invalid-value]: test `dup`: `expect`: `maybe` is not a decision\n  help: write `allow` or `deny`"), err);
        assertTrue(err.contains(f + ":10:34: error[unknown-check]: test `checks`: `lint`: `has`: `single-key-controll` is not a lint check\n"
                + "  help: did you mean `single-key-control`?"), err);
        assertTrue(err.contains(f + ":13:41: error[out-of-range]: test `rule`: `subsets`: `size`: 2 is out of range: expected 0 to 1"), err);
        assertTrue(err.contains(f + ":16:5: error[conflicting-fields]: test `both`: `plan` next to `transaction`"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void table_rows_and_subsets_run_once_each_with_their_label(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: pairs withdraw
                    transaction: {account: vault, action: withdraw}
                    subsets:
                      of: [custodian_a, custodian_b, custodian_c]
                      size: {1: deny, 2: {decision: allow, satisfied_by: vault@spend}}
                  - name: rows
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    each:
                      - {expect: deny}
                      - {signatures: [custodian_a, custodian_c], expect: deny}
                      - {action: close, signatures: [custodian_a, custodian_b, custodian_c], expect: {satisfied_by: vault@admin}}
                """);
        Run r = run("test", "--format", "json", dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode cases = new ObjectMapper().readTree(r.out()).get("cases");
        List<String> labels = new ArrayList<>();
        cases.forEach(c -> labels.add(c.get("name").asText() + " " + c.path("row").asText() + " " + c.get("status").asText()));
        assertEquals(List.of(
                "pairs withdraw subset [custodian_a] pass",
                "pairs withdraw subset [custodian_b] pass",
                "pairs withdraw subset [custodian_c] pass",
                "pairs withdraw subset [custodian_a, custodian_b] pass",
                "pairs withdraw subset [custodian_a, custodian_c] pass",
                "pairs withdraw subset [custodian_b, custodian_c] pass",
                "rows row 1 pass",
                "rows row 2 fail",
                "rows row 3 pass"), labels);
        JsonNode row2 = cases.get(7);
        assertEquals("decision", row2.get("diffs").get(0).get("field").asText());
        assertEquals(12, row2.get("line").asInt(), row2.toString());
    }

    @Test
    void coverage_reports_exactly_the_untested_entry_with_its_location(@TempDir Path dir) throws Exception {
        Path policy = write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", ALL_BUT_ONE);
        Run r = run("test", "--coverage", "--format", "json", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode coverage = new ObjectMapper().readTree(r.out()).get("coverage");
        JsonNode vault = coverage.get("accounts").get(0);
        assertEquals("vault", vault.get("account").asText());
        assertEquals(8, vault.get("total").asInt());
        assertEquals(7, vault.get("covered").asInt());
        assertEquals(87.5, vault.get("percent").asDouble());
        JsonNode uncovered = vault.get("uncovered");
        assertEquals(1, uncovered.size(), uncovered.toString());
        JsonNode item = uncovered.get(0);
        assertEquals("authority `admin`: key `custodian_c`", item.get("item").asText());
        assertEquals(policy.toString(), item.get("file").asText());
        // admin's keys are on line 12; custodian_c is its third entry
        String line = VAULT.lines().toList().get(11);
        assertEquals(12, item.get("line").asInt());
        assertEquals(line.lastIndexOf("{key: custodian_c") + 1, item.get("column").asInt());
        assertTrue(item.get("allowing").asBoolean());
        assertFalse(item.get("denying").asBoolean());

        Run gated = run("test", "--coverage-min", "100", dir.toString());
        assertEquals(1, gated.exit(), gated.out() + gated.err());
        assertTrue(gated.out().contains(policy + ":12:" + (line.lastIndexOf("{key: custodian_c") + 1)
                + ": authority `admin`: key `custodian_c`: no denying case"), gated.out());
        assertTrue(gated.err().contains("coverage of account `vault` is 87.5%, below --coverage-min 100"), gated.err());
        assertEquals(0, run("test", "--coverage-min", "87.5", dir.toString()).exit());
    }

    @Test
    void the_denial_that_leaves_the_entry_out_completes_coverage(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", ALL_BUT_ONE + """
                  - name: the third custodian is needed to close
                    transaction: {account: vault, action: close, signatures: [custodian_a, custodian_b]}
                    expect: {decision: deny, missing: [[custodian_c]]}
                """);
        Run r = run("test", "--coverage-min", "100", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("coverage: 100.0% (8 of 8 parts"), r.out());
    }

    @Test
    void update_records_outcomes_in_place_keeping_comments_and_a_rerun_passes(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        String original = """
                # the vault's tests
                quorate: 1
                tests:
                  # recorded by --update
                  - name: two withdraw   # a pair
                    transaction:
                      account: vault
                      action: withdraw
                      signatures: [custodian_a, custodian_b]

                  # flow style
                  - {name: one withdraws, transaction: {account: vault, action: withdraw, signatures: [custodian_a]}}  # alone
                  - name: kept as written
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a, custodian_c]}
                    expect: allow   # already recorded
                """;
        Path file = write(dir, "vault_test.yaml", original);
        Run before = run("test", dir.toString());
        assertEquals(1, before.exit(), before.out());
        assertTrue(before.out().contains("no `expect:` recorded"), before.out());

        Run update = run("test", "--update", dir.toString());
        assertEquals(0, update.exit(), update.out() + update.err());
        String updated = Files.readString(file);
        assertEquals("""
                # the vault's tests
                quorate: 1
                tests:
                  # recorded by --update
                  - name: two withdraw   # a pair
                    transaction:
                      account: vault
                      action: withdraw
                      signatures: [custodian_a, custodian_b]
                    expect:
                      decision: allow
                      reasons: [authorized]
                      satisfied_by: vault@spend
                      used_keys: [custodian_a, custodian_b]
                      unused_keys: []

                  # flow style
                  - {name: one withdraws, transaction: {account: vault, action: withdraw, signatures: [custodian_a]}, \
                expect: {decision: deny, reasons: [unsatisfied-authority], satisfied_by: null, used_keys: [], unused_keys: [custodian_a], \
                missing: [[custodian_b], [custodian_c]]}}  # alone
                  - name: kept as written
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a, custodian_c]}
                    expect: allow   # already recorded
                """, updated);
        Run again = run("test", dir.toString());
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("3 passed, 0 failed"), again.out());
    }

    @Test
    void plan_cases_compare_the_verdict_and_each_steps(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                keys: {custodian_d: custodian-d-hsm}
                tests:
                  - name: replacing custodian_c in spend
                    plan:
                      account: vault
                      steps:
                        - {op: set_authority, authority: spend, parent: admin, threshold: 2, signatures: [custodian_a, custodian_b, custodian_c],
                           keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}, {key: custodian_d, weight: 1}]}
                    expect: {verdict: safe, steps: [{verdict: ok}]}
                  - name: spend signed by too few
                    plan:
                      account: vault
                      steps:
                        - {op: set_authority, authority: spend, parent: admin, threshold: 2, signatures: [custodian_a],
                           keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}, {key: custodian_d, weight: 1}]}
                    expect: {verdict: safe}
                """);
        Run r = run("test", dir.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  replacing custodian_c in spend"), r.out());
        assertTrue(r.out().contains("        - verdict: safe\n        + verdict: rejected"), r.out());
    }

    @Test
    void json_and_junit_reports_carry_every_case(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: pass
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a, custodian_b]}
                    expect: allow
                  - name: fail
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: allow
                """);
        Run json = run("test", "--format", "json", dir.toString());
        assertEquals(1, json.exit());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(1, root.get("passed").asInt());
        assertEquals(1, root.get("failed").asInt());
        assertEquals("fail", root.get("cases").get(1).get("status").asText());
        assertEquals("deny", root.get("cases").get(1).get("diffs").get(0).get("actual").asText());

        Run junit = run("test", "--format", "junit", dir.toString());
        assertEquals(1, junit.exit());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        assertTrue(doc.getElementsByTagName("failure").item(0).getTextContent().contains("- decision: allow\n+ decision: deny"),
                junit.out());
    }

    @Test
    void run_selects_cases_by_a_regular_expression_on_their_names(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: withdraw pair
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a, custodian_b]}
                    expect: allow
                  - name: close broken
                    transaction: {account: vault, action: close, signatures: [custodian_a]}
                    expect: allow
                """);
        Run r = run("test", "--run", "^withdraw", dir.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
        assertEquals(2, run("test", "--run", "(", dir.toString()).exit());
    }

    @Test
    void a_policy_file_may_carry_its_own_tests(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT + """
                tests:
                  - name: a pair withdraws
                    transaction: {account: vault, action: withdraw, signatures: [custodian_b, custodian_c]}
                    expect: {decision: allow, satisfied_by: vault@spend}
                """);
        Run r = run("test", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
        assertEquals(0, run("compile", dir.toString()).exit());
    }

    @Test
    void a_test_key_may_not_reuse_a_policy_key_name(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        Path test = write(dir, "vault_test.yaml", """
                quorate: 1
                keys: {custodian_a: other-hsm}
                tests:
                  - name: x
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: deny
                """);
        Run r = run("test", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(test + ":2:8: error[duplicate-key-name]: key `custodian_a`: the policy already names a key so"), r.err());
    }

    @Test
    void update_records_a_plan_cases_verdict_and_steps(@TempDir Path dir) throws Exception {
        write(dir, "vault.yaml", VAULT);
        Path file = write(dir, "vault_test.yaml", """
                quorate: 1
                tests:
                  - name: spend signed by one custodian
                    plan:
                      account: vault
                      steps:
                        - {op: set_authority, authority: spend, parent: admin, threshold: 2, signatures: [custodian_a],
                           keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}]}
                """);
        assertEquals(0, run("test", "--update", dir.toString()).exit());
        assertTrue(Files.readString(file).endsWith("""
                           keys: [{key: custodian_a, weight: 1}, {key: custodian_b, weight: 1}]}
                    expect:
                      verdict: rejected
                      steps: [{verdict: rejected}]
                """), Files.readString(file));
        assertEquals(0, run("test", dir.toString()).exit());
    }

    @Test
    void a_test_file_without_a_policy_says_how_to_name_one(@TempDir Path dir) throws Exception {
        Path file = write(dir, "orphan_test.yaml", """
                quorate: 1
                tests:
                  - name: x
                    transaction: {account: vault, action: withdraw, signatures: [custodian_a]}
                    expect: deny
                """);
        Run r = run("test", dir.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(file + ":1:1: error[missing-policy]: test file: no policy to test\n"
                + "  help: name it with `policy: FILE`, put the test beside `orphan.yaml`, or give `--policy`"), r.err());
        write(dir, "vault.yaml", VAULT);
        assertEquals(0, run("test", "--policy", dir.resolve("vault.yaml").toString(), file.toString()).exit());
    }

    @Test
    void the_bundled_policies_are_covered_fully_and_the_examples_still_run() {
        Run r = run("test", "--coverage-min", "100", "policies");
        assertEquals(0, r.exit(), r.out() + r.err());
        Run examples = run("test", "--policy", "policies", "examples");
        assertEquals(0, examples.exit(), examples.out() + examples.err());
        assertTrue(examples.out().contains("PASS  two-partners-approve-the-payment"), examples.out());
        assertTrue(examples.out().contains("PASS  two partners approve the payment"), examples.out());
    }

    @Test
    void combinations_are_every_subset_of_a_size_once_in_order() {
        List<int[]> pairs = TestFileLoader.combinations(4, 2);
        List<String> shown = pairs.stream().map(java.util.Arrays::toString).toList();
        assertEquals(List.of("[0, 1]", "[0, 2]", "[0, 3]", "[1, 2]", "[1, 3]", "[2, 3]"), shown);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            int n = 1 + random.nextInt(10);
            int k = random.nextInt(n + 1);
            long expected = binomial(n, k);
            List<int[]> all = TestFileLoader.combinations(n, k);
            assertEquals(expected, all.size(), n + " choose " + k);
            assertEquals(expected, all.stream().map(java.util.Arrays::toString).distinct().count());
        }
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
