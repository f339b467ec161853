package io.quorate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage of organisation conditions, and of policies no test file names. */
class ConditionsCoverageTest {

    static final String POLICY = """
            quorate: 1
            keys:
              alice: EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
              bob:   EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
              sec:   EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
            groups:
              officers: [alice, bob]
            lists:
              blocked: [badguy111111]
            accounts:
              payer:
                chain: eos
                permissions:
                  owner: {threshold: 1, keys: [{key: alice, weight: 1}, {key: bob, weight: 1}]}
                  active: {parent: owner, threshold: 1, keys: [{key: alice, weight: 1}, {key: bob, weight: 1}]}
                conditions:
                  rules:
                    - name: blocked
                      when: {action: eosio.token::transfer, to: {in: blocked}}
                      deny: the receiver is blocked
                    - name: large
                      when: {action: eosio.token::transfer, amount: {gt: "100.0000 EOS"}}
                      require: {any: [{key: sec}, {group: officers, count: 2}]}
                    - name: memo-late
                      when: {action: eosio.token::transfer, memo: {matches: "late.*"}}
                      require: {key: sec}
            """;

    static final String OWNER = """
              - name: owner
                transaction: {account: payer, action: eosio::updateauth, authorization: payer@owner}
                each:
                  - {signatures: [alice], expect: allow}
                  - {signatures: [bob], expect: allow}
                  - {signatures: [sec], expect: {decision: deny, reasons: [unsatisfied-authority]}}
            """;

    static final String TEMPLATE = "    transaction: {account: payer, action: eosio.token::transfer, authorization: payer@active}\n    each:\n";

    static final String SMALL = "      - {signatures: [bob], data: {from: payer, to: carol1111111, quantity: \"1.0000 EOS\", memo: x}, expect: allow}\n";
    static final String BLOCKED =
            "      - {signatures: [alice], data: {from: payer, to: badguy111111, quantity: \"1.0000 EOS\", memo: x}, expect: {decision: deny, reasons: [condition-denied]}}\n";
    static final String OUTSIDER =
            "      - {signatures: [sec], data: {from: payer, to: carol1111111, quantity: \"1.0000 EOS\", memo: x}, expect: {decision: deny, reasons: [unsatisfied-authority]}}\n";
    static final String LARGE = """
                  - {signatures: [alice], approved_by: [sec], data: {from: payer, to: carol1111111, quantity: "200.0000 EOS", memo: x}, expect: allow}
                  - {signatures: [alice], approved_by: [bob], data: {from: payer, to: carol1111111, quantity: "200.0000 EOS", memo: x}, expect: allow}
            """;

    static String tests(String... rows) {
        return "quorate: 1\ntests:\n" + OWNER + "  - name: transfers\n" + TEMPLATE + String.join("", rows);
    }

    record Report(int exit, String out, List<String> uncovered) {
    }

    static Report run(Path dir, String tests, String... extra) throws Exception {
        Files.writeString(dir.resolve("payer.yaml"), POLICY);
        Files.writeString(dir.resolve("payer_test.yaml"), tests);
        List<String> args = new ArrayList<>(List.of("test", "--coverage", "--format", "json"));
        args.addAll(List.of(extra));
        args.add(dir.toString());
        PolicyTestCommandTest.Run r = PolicyTestCommandTest.run(args.toArray(String[]::new));
        List<String> out = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(0, root.get("failed").asInt(), r.out());
        for (JsonNode a : root.get("coverage").get("accounts")) {
            for (JsonNode i : a.get("uncovered")) {
                out.add(Path.of(i.get("file").asText()).getFileName() + ":" + i.get("line").asInt() + ":" + i.get("column").asInt() + " "
                        + i.get("kind").asText() + " " + i.get("item").asText() + ": " + i.get("wanting").asText());
            }
        }
        return new Report(r.exit(), r.out(), out);
    }

    /** Where {@code text} starts in the policy, as {@code line:column}. */
    static String at(String text) {
        int offset = POLICY.indexOf(text);
        String before = POLICY.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (offset - before.lastIndexOf('\n'));
    }

    @Test
    void a_rule_no_case_matches_is_reported_with_its_requirement_and_everything_else_is_covered(@TempDir Path dir) throws Exception {
        Report r = run(dir, tests(SMALL, BLOCKED, OUTSIDER, LARGE));
        assertEquals(List.of(
                "payer.yaml:" + at("name: memo-late") + " condition account `payer`: rule `memo-late`: no case where it matched",
                "payer.yaml:" + at("sec}\n") + " requirement account `payer`: rule `memo-late`: require `key sec`: "
                        + "no case where it was met and none where it was not"), r.uncovered());
        assertEquals(0, r.exit(), r.out());
        PolicyTestCommandTest.Run text = PolicyTestCommandTest.run("test", "--coverage-min", "100", dir.toString());
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("payer.yaml:" + at("name: memo-late") + ": account `payer`: rule `memo-late`: no case where it matched"),
                text.out());
    }

    @Test
    void each_alternative_of_a_require_needs_a_case_meeting_it_and_one_not(@TempDir Path dir) throws Exception {
        String onlySec = "      - {signatures: [alice], approved_by: [sec], data: {from: payer, to: carol1111111, quantity: \"200.0000 EOS\", memo: x}, "
                + "expect: allow}\n";
        List<String> u = run(dir, tests(SMALL, BLOCKED, OUTSIDER, onlySec)).uncovered();
        assertTrue(u.contains("payer.yaml:" + at("sec}, ") + " requirement account `payer`: rule `large`: require `key sec`: "
                + "no case where it was not met"), u.toString());
        assertTrue(u.contains("payer.yaml:" + at("{group: officers, count: 2}") + " requirement account `payer`: rule `large`: "
                + "require `2 of officers`: no case where it was met"), u.toString());
    }

    @Test
    void the_default_needs_a_case_it_decides_and_a_rule_a_case_reaching_it_where_it_does_not_hold(@TempDir Path dir) throws Exception {
        // without the owner's changes (an action no rule names, which the default decides)
        List<String> u = run(dir, tests(BLOCKED, LARGE).replace(OWNER, "")).uncovered();
        assertTrue(u.contains("payer.yaml:" + at("conditions:\n") + " default account `payer`: default `allow`: no case where it decided"),
                u.toString());
        // the large transfers are decided by `large` and the blocked one by `blocked`: `memo-late` is never reached
        assertTrue(u.contains("payer.yaml:" + at("name: memo-late") + " condition account `payer`: rule `memo-late`: "
                + "no case where it matched and none where it did not hold"), u.toString());
        // `blocked` decided the blocked transfer before `large` was reached, and `large` held for every other;
        // `blocked` was reached and did not hold for the large ones
        assertTrue(u.contains("payer.yaml:" + at("name: large") + " condition account `payer`: rule `large`: "
                + "no case where it was reached and did not hold"), u.toString());
        assertTrue(u.stream().noneMatch(s -> s.contains("rule `blocked`: no")), u.toString());
    }

    @Test
    void a_transfer_the_conditions_alone_deny_is_no_denying_case_for_the_authority_that_satisfied_it(@TempDir Path dir) throws Exception {
        List<String> u = run(dir, tests(SMALL, BLOCKED, LARGE)).uncovered();
        assertTrue(u.contains("payer.yaml:" + at("active: {") + " authority permission `active`: no denying case"), u.toString());
    }

    @Test
    void a_policy_without_tests_counts_at_zero_percent_and_fails_the_gate(@TempDir Path dir) throws Exception {
        String other = POLICY.replace("payer:", "other:").replace("blocked: [badguy111111]", "blocked2: [badguy111111]")
                .replace("in: blocked}", "in: blocked2}").replace("officers", "officers2");
        Files.writeString(dir.resolve("other.yaml"), other.replace("alice:", "alice2:").replace("bob:", "bob2:").replace("sec:", "sec2:")
                .replace("key: alice", "key: alice2").replace("key: bob", "key: bob2").replace("key: sec", "key: sec2")
                .replace("[alice, bob]", "[alice2, bob2]"));
        Report r = run(dir, tests(SMALL, BLOCKED, OUTSIDER, LARGE, "      - {signatures: [alice], data: {from: payer, to: carol1111111, "
                + "quantity: \"1.0000 EOS\", memo: late}, approved_by: [sec], expect: allow}\n"
                + "      - {signatures: [alice], data: {from: payer, to: carol1111111, quantity: \"1.0000 EOS\", memo: late}, "
                + "expect: {decision: deny, reasons: [approval-required]}}\n"), "--coverage-min", "100");
        assertEquals(1, r.exit(), r.out());
        JsonNode accounts = new ObjectMapper().readTree(r.out()).get("coverage").get("accounts");
        List<String> seen = new ArrayList<>();
        for (JsonNode a : accounts) {
            seen.add(a.get("account").asText() + " " + a.get("percent").asDouble() + " " + Path.of(a.get("file").asText()).getFileName()
                    + ":" + a.get("line").asInt() + ":" + a.get("column").asInt());
        }
        assertEquals(List.of("other 0.0 other.yaml:" + at("payer:"), "payer 100.0 payer.yaml:" + at("payer:")), seen);
    }

    @Test
    void a_policy_an_example_plan_starts_from_is_the_plans_input_and_not_counted(@TempDir Path dir) throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.createDirectories(plans.resolve("start"));
        Files.copy(Path.of("examples/plans/eos-multisig.yaml"), plans.resolve("eos-multisig.yaml"));
        Files.copy(Path.of("examples/plans/start/eos-single.yaml"), plans.resolve("start/eos-single.yaml"));
        Report r = run(dir, tests(SMALL, BLOCKED, OUTSIDER, LARGE));
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> accounts = new ArrayList<>();
        for (JsonNode a : root.get("coverage").get("accounts")) accounts.add(a.get("account").asText());
        assertEquals(List.of("payer"), accounts);
        assertEquals(0, r.exit(), r.out());
        // named by --policy, the same file counts
        PolicyTestCommandTest.Run named = PolicyTestCommandTest.run("test", "--coverage", "--policy",
                plans.resolve("start/eos-single.yaml").toString(), dir.toString());
        assertTrue(named.out().contains("eos-single.yaml"), named.out());
    }
}
