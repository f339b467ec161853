package io.quorate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.ft4.Ft4Account;
import io.quorate.chain.ft4.Ft4Rule;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of mistake in a policy file gives its code at the line and column of the mistake. */
class PolicyLoaderErrorsTest {

    static final String EOS_KEY = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";

    static List<Diagnostic> problems(String yaml) {
        return assertThrows(InputException.class, () -> PolicyLoader.load("p.yaml", yaml)).diagnostics();
    }

    static Diagnostic only(String yaml) {
        List<Diagnostic> all = problems(yaml);
        assertEquals(1, all.size(), () -> all.stream().map(Diagnostic::render).toList().toString());
        return all.get(0);
    }

    static void assertAt(Diagnostic d, String code, int line, int column) {
        assertEquals(code + " at " + line + ":" + column, d.code() + " at " + d.at().line() + ":" + d.at().column(), d.render());
        assertEquals("p.yaml", d.at().file());
        assertFalse(d.message().contains("Exception") || d.message().contains("java."), d.message());
    }

    @Test
    void a_missing_format_version_is_a_missing_field() {
        Diagnostic d = only("accounts: {}\n");
        assertAt(d, "missing-field", 1, 1);
        assertEquals("start the file with `quorate: 1`", d.help());
    }

    @Test
    void another_format_version_is_unsupported() {
        assertAt(only("quorate: 2\naccounts: {nonsense: 1}\n"), "unsupported-version", 1, 10);
    }

    @Test
    void an_empty_file_asks_for_the_format_version() {
        assertAt(only(""), "missing-field", 1, 1);
    }

    @Test
    void a_mistyped_field_is_unknown_and_the_right_one_is_suggested() {
        Diagnostic d = only("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {treshold: 1, threshold: 1, keys: [{key: k1, weight: 1}]}
                """);
        assertAt(d, "unknown-field", 6, 15);
        assertEquals("account `vault`: authority `admin`: unknown field `treshold`", d.message());
        assertEquals("did you mean `threshold`?", d.help());
    }

    @Test
    void a_value_of_the_wrong_type_is_reported_where_it_is_written() {
        assertAt(only("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: two, keys: []}
                """), "wrong-type", 6, 26);
    }

    @Test
    void a_missing_chain_is_a_missing_field() {
        Diagnostic d = only("""
                quorate: 1
                accounts:
                  vault:
                    authorities: {}
                """);
        assertAt(d, "missing-field", 4, 5);
        assertEquals("account `vault`: missing field `chain`", d.message());
    }

    @Test
    void an_unknown_chain_suggests_a_known_one() {
        Diagnostic d = only("quorate: 1\naccounts:\n  vault: {chain: hivee}\n");
        assertAt(d, "unknown-chain", 3, 18);
        assertEquals("did you mean `hive`?", d.help());
    }

    @Test
    void weights_beyond_the_chains_range_name_that_range() {
        List<Diagnostic> all = problems("""
                quorate: 1
                accounts:
                  eosacct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: %s, weight: 70000}]}
                      active: {threshold: 4294967296, keys: [{key: %s, weight: 1}]}
                  treasury:
                    chain: casper
                    keys: [{key: account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7, weight: 256}]
                  company:
                    chain: ft4
                    auth_descriptors:
                      main: {main: true, signers: [0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798], signatures_required: 0}
                """.formatted(EOS_KEY, EOS_KEY));
        assertEquals(4, all.size(), all.toString());
        assertAt(all.get(0), "out-of-range", 6, 105);
        assertTrue(all.get(0).message().endsWith("70000 is out of range: expected 0..65535 (eos weights are u16)"), all.get(0).message());
        assertAt(all.get(1), "out-of-range", 7, 27);
        assertTrue(all.get(1).message().contains("0..4294967295 (eos thresholds are u32)"), all.get(1).message());
        assertAt(all.get(2), "out-of-range", 10, 105);
        assertTrue(all.get(2).message().contains("0..255 (casper weights and thresholds are u8)"), all.get(2).message());
        assertAt(all.get(3), "out-of-range", 14, 126);
    }

    @Test
    void a_key_name_defined_twice_in_one_file_is_a_duplicate_key_name() {
        assertAt(only("quorate: 1\nkeys:\n  alice: k1\n  alice: k2\n"), "duplicate-key-name", 4, 3);
    }

    @Test
    void an_account_declared_twice_in_one_file_is_a_duplicate_account() {
        List<Diagnostic> all = problems("""
                quorate: 1
                accounts:
                  vault: {chain: generic, authorities: {a: {threshold: 1}}}
                  vault: {chain: generic, authorities: {a: {threshold: 1}}}
                """);
        assertAt(all.get(0), "duplicate-account", 4, 3);
    }

    @Test
    void an_unknown_key_name_suggests_a_defined_one() {
        Diagnostic d = only("""
                quorate: 1
                keys:
                  alice: %s
                accounts:
                  acct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: alcie, weight: 1}]}
                      active: {threshold: 1, keys: [{key: alice, weight: 1}]}
                """.formatted(EOS_KEY));
        assertAt(d, "unknown-key-name", 8, 42);
        assertEquals("did you mean `alice`?", d.help());
    }

    @Test
    void a_mistyped_public_key_is_an_invalid_key_with_the_codecs_explanation() {
        String broken = EOS_KEY.substring(0, EOS_KEY.length() - 1) + "W";
        Diagnostic d = only("""
                quorate: 1
                accounts:
                  acct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: %s, weight: 1}]}
                      active: {threshold: 1, keys: [{key: %s, weight: 1}]}
                """.formatted(EOS_KEY, broken));
        assertAt(d, "invalid-key", 7, 43);
        assertTrue(d.message().contains("is not a valid eos public key: "), d.message());
        assertTrue(d.help() != null && !d.help().isBlank());
    }

    @Test
    void a_named_key_of_another_chain_is_an_invalid_key_where_it_is_used() {
        Diagnostic d = only("""
                quorate: 1
                keys:
                  alice: %s
                accounts:
                  test.auth:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: alice, weight: 1}]}
                """.formatted(EOS_KEY));
        assertAt(d, "invalid-key", 7, 40);
        assertTrue(d.message().contains("key `alice` (defined at p.yaml:3:3) is not a valid hive public key"), d.message());
    }

    @Test
    void eos_names_outside_the_alphabet_are_invalid() {
        List<Diagnostic> all = problems("""
                quorate: 1
                accounts:
                  Bad_Name:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, accounts: [{permission: partner6@owner, weight: 1}]}
                      active: {threshold: 1, accounts: [{permission: partner11111, weight: 1}]}
                    links: {"eosio.token:transfer": active}
                """);
        assertEquals(List.of("invalid-name", "invalid-name", "invalid-name", "invalid-name"), all.stream().map(Diagnostic::code).toList());
        assertAt(all.get(0), "invalid-name", 3, 3);
        assertAt(all.get(1), "invalid-name", 6, 53);
        assertAt(all.get(2), "invalid-name", 7, 54);
        assertAt(all.get(3), "invalid-name", 8, 13);
    }

    @Test
    void eos_parents_must_exist_must_not_cycle_and_owner_has_none() {
        List<Diagnostic> all = problems("""
                quorate: 1
                accounts:
                  acct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, parent: active, waits: [{seconds: 1, weight: 1}]}
                      active: {threshold: 1, waits: [{seconds: 1, weight: 1}]}
                      ops: {threshold: 1, parent: actve, waits: [{seconds: 1, weight: 1}]}
                      a: {threshold: 1, parent: b}
                      b: {threshold: 1, parent: a}
                """);
        assertEquals(List.of("invalid-parent", "unknown-parent", "parent-cycle"), all.stream().map(Diagnostic::code).toList());
        assertAt(all.get(0), "invalid-parent", 6, 37);
        assertAt(all.get(1), "unknown-parent", 8, 35);
        assertEquals("did you mean `active`?", all.get(1).help());
        assertAt(all.get(2), "parent-cycle", 9, 33);
        assertTrue(all.get(2).message().contains("`a` → `b` → `a`"), all.get(2).message());
    }

    @Test
    void a_link_to_a_permission_that_is_not_declared_still_loads() throws InputException {
        EosAccount a = (EosAccount) PolicyLoader.load("p.yaml", """
                quorate: 1
                accounts:
                  acct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: %s, weight: 1}]}
                      active: {threshold: 1, keys: [{key: %s, weight: 1}]}
                      transfer: {threshold: 1, keys: [{key: %s, weight: 1}]}
                    links: {"eosio.token::*": missing, "eosio.token::transfer": eosio.any}
                """.formatted(EOS_KEY, EOS_KEY, EOS_KEY)).account("acct");
        assertEquals("missing", a.links().get("eosio.token::*"));
        assertEquals("active", a.permissions().get("transfer").parent());
    }

    @Test
    void ft4_needs_exactly_one_main_descriptor_and_a_count_for_multi_sig() {
        List<Diagnostic> all = problems("""
                quorate: 1
                keys:
                  alice: 0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798
                  bob: 02C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5
                accounts:
                  one:
                    chain: ft4
                    auth_descriptors:
                      owners: {signers: [alice, bob], flags: [A, T]}
                  two:
                    chain: ft4
                    auth_descriptors:
                      first: {main: true, signers: [alice]}
                      second: {main: true, signers: [bob]}
                """);
        assertEquals(List.of("main-descriptor", "missing-field", "main-descriptor"), all.stream().map(Diagnostic::code).toList());
        assertAt(all.get(0), "main-descriptor", 9, 7);
        assertAt(all.get(1), "missing-field", 9, 15);
        assertEquals("add signatures_required: N for an N-of-M descriptor", all.get(1).help());
        assertAt(all.get(2), "main-descriptor", 14, 7);
    }

    @Test
    void ft4_rules_of_the_wrong_shape_show_the_right_syntax() {
        List<Diagnostic> all = problems("""
                quorate: 1
                accounts:
                  company:
                    chain: ft4
                    auth_descriptors:
                      a: {main: true, signers: [0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798], rules: [gt, block_height]}
                      b: {signers: [0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798], rules: [and, [gt, height, 1], [lt, op_count, 5]]}
                      c: {signers: [0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798], rules: [ge, block_time, soon]}
                """);
        assertEquals(3, all.size(), all.toString());
        all.forEach(d -> assertEquals("invalid-rule", d.code()));
        assertAt(all.get(0), "invalid-rule", 6, 109);
        assertAt(all.get(1), "invalid-rule", 7, 108);
        assertAt(all.get(2), "invalid-rule", 8, 114);
        assertTrue(all.get(0).help().contains("[gt, block_height, 1000]"));
    }

    @Test
    void an_ft4_and_rule_keeps_its_comparisons_in_order() throws InputException {
        Ft4Account a = (Ft4Account) PolicyLoader.load("p.yaml", """
                quorate: 1
                accounts:
                  company:
                    chain: ft4
                    auth_descriptors:
                      a: {main: true, signers: [0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798],
                          rules: ["and", [ge, block_time, 1700000000000], [lt, op_count, 10]]}
                """).account("company");
        Ft4Rule.And and = (Ft4Rule.And) a.descriptors().get(0).rules();
        assertEquals(List.of("block_time", "op_count"), and.comparisons().stream().map(Ft4Rule.Comparison::variable).toList());
    }

    @Test
    void generic_actions_must_name_a_declared_authority() {
        Diagnostic d = only("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities: {admin: {threshold: 1, keys: [{key: k1, weight: 1}]}}
                    actions: {withdraw: admn}
                """);
        assertAt(d, "unknown-authority", 6, 25);
        assertEquals("did you mean `admin`?", d.help());
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once_in_order() {
        List<Diagnostic> all = problems("""
                quorate: 1
                colour: blue
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: -1, keys: [{key: k1}]}
                    valid: {from: yesterday}
                  acct:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: nobody, weight: 1}]}
                """);
        assertEquals(List.of("unknown-field", "out-of-range", "missing-field", "unknown-field", "unknown-key-name"),
                all.stream().map(Diagnostic::code).toList(), all.toString());
        assertEquals(List.of(2, 7, 7, 8, 12), all.stream().map(d -> d.at().line()).toList());
    }
}
