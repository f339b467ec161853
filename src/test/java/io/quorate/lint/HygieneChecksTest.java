package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks of entries and references that count for nothing, or not as written. */
class HygieneChecksTest {

    @Test
    @CheckTest(value = "zero-weight-entry", unsafe = true)
    void zero_weight_entry_flags_a_key_of_weight_0() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 1
                        keys:
                          - {key: k1, weight: 1}
                          - {key: k2, weight: 0}               # ← zero-weight-entry
                """, "zero-weight-entry", "vault", "admin", 10);
    }

    @Test
    @CheckTest(value = "zero-weight-entry", unsafe = false)
    void zero_weight_entry_accepts_weighted_entries() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]}
                """, "zero-weight-entry");
    }

    @Test
    @CheckTest(value = "duplicate-entry", unsafe = true)
    void duplicate_entry_flags_the_same_key_twice() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 2
                        keys:
                          - {key: k1, weight: 1}
                          - {key: k1, weight: 1}               # ← duplicate-entry
                """, "duplicate-entry", "vault", "admin", 10);
    }

    @Test
    @CheckTest(value = "duplicate-entry", unsafe = true)
    void duplicate_entry_flags_one_key_written_in_two_formats() {
        assertFinds("""
                quorate: 1
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner:
                        threshold: 1
                        keys:
                          - {key: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV, weight: 1}
                          - {key: PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63, weight: 1}   # ← duplicate-entry
                """, "duplicate-entry", "treasury1111", "owner", 10);
    }

    @Test
    @CheckTest(value = "duplicate-entry", unsafe = false)
    void duplicate_entry_accepts_distinct_keys() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]}
                """, "duplicate-entry");
    }

    @Test
    @CheckTest(value = "dangling-reference", unsafe = true)
    void dangling_reference_flags_an_eos_reference_to_a_permission_the_account_does_not_declare() {
        assertFinds("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner:
                        threshold: 1
                        keys: [{key: k1, weight: 1}]
                        accounts:
                          - {permission: partner11111@claim, weight: 1}   # ← dangling-reference
                  partner11111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "dangling-reference", "treasury1111", "owner", 12);
    }

    @Test
    void dangling_reference_flags_a_generic_reference_to_an_undeclared_account() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 1
                        keys: [{key: k1, weight: 1}]
                        accounts:
                          - {account: ghost@admin, weight: 1}   # ← dangling-reference
                """, "dangling-reference", "vault", "admin", 10);
    }

    @Test
    @CheckTest(value = "reference-outside-policy", unsafe = true)
    void reference_outside_policy_flags_a_resigned_system_account_and_nothing_else() {
        String yaml = """
                quorate: 1
                accounts:
                  eosio:
                    chain: eos
                    permissions:
                      owner:
                        threshold: 1
                        accounts:
                          - {permission: eosio.prods@active, weight: 1}   # ← reference-outside-policy
                      active:
                        threshold: 1
                        accounts: [{permission: eosio.prods@active, weight: 1}]
                """;
        Finding f = assertFinds(yaml, "reference-outside-policy", "eosio", "owner", 9);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("assume nothing about the outside account"), f.message());
        LintReport report = Lints.lint(yaml);
        assertEquals(List.of("reference-outside-policy", "reference-outside-policy"),
                report.findings().stream().map(Finding::id).toList(), Lints.describe(report.findings()));
        assertTrue(report.figures().stream().allMatch(r -> r.summary().contains("`eosio.prods@active`, outside the policy set, as nothing")),
                report.figures().toString());
    }

    @Test
    @CheckTest(value = "reference-outside-policy", unsafe = false)
    void reference_outside_policy_accepts_a_referenced_account_the_policy_holds() {
        assertNoFinding("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  eosio:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, accounts: [{permission: eosio.prods@active, weight: 1}]}
                      active: {threshold: 1, accounts: [{permission: eosio.prods@active, weight: 1}]}
                  eosio.prods:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "reference-outside-policy");
    }

    @Test
    void a_hive_role_naming_an_account_outside_the_policy_is_no_dangling_reference() {
        LintReport report = Lints.lint("""
                quorate: 1
                keys:
                  p: STM6LLegbAgLAy28EHrffBVuANFWcFgmqRMW13wBmTExqFE9SCkg4
                accounts:
                  hiveio:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: p, weight: 1}]}
                    active: {threshold: 1, keys: [{key: p, weight: 1}]}
                    posting:
                      threshold: 1
                      keys: [{key: p, weight: 1}]
                      accounts: [{account: threespeak, weight: 1}]
                """);
        List<String> checks = report.findings().stream().map(Finding::id).toList();
        assertTrue(checks.contains("reference-outside-policy"), checks.toString());
        assertFalse(checks.contains("dangling-reference"), checks.toString());
    }

    @Test
    @CheckTest(value = "dangling-reference", unsafe = false)
    void dangling_reference_accepts_a_declared_account() {
        assertNoFinding("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner:
                        threshold: 1
                        keys: [{key: k1, weight: 1}]
                        accounts: [{permission: partner11111@active, weight: 1}]
                  partner11111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "dangling-reference");
    }

    @Test
    @CheckTest(value = "reference-cycle", unsafe = true)
    void reference_cycle_flags_authorities_that_reference_each_other() {
        assertFinds("""
                quorate: 1
                accounts:
                  alpha:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 1
                        keys: [{key: k1, weight: 1}]
                        accounts: [{account: beta@admin, weight: 1}]   # ← reference-cycle
                  beta:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 1
                        keys: [{key: k2, weight: 1}]
                        accounts: [{account: alpha@admin, weight: 1}]
                """, "reference-cycle", "alpha", "admin", 9);
    }

    @Test
    @CheckTest(value = "reference-cycle", unsafe = false)
    void reference_cycle_accepts_a_reference_that_ends_in_keys() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  alpha:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k1, weight: 1}], accounts: [{account: beta@admin, weight: 1}]}
                  beta:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k2, weight: 1}]}
                """, "reference-cycle");
    }

    @Test
    @CheckTest(value = "depth-exceeded", unsafe = true)
    void depth_exceeded_flags_a_reference_beyond_max_depth() {
        assertFinds("""
                quorate: 1
                accounts:
                  alpha:
                    chain: generic
                    options: {max_depth: 1}
                    authorities:
                      admin:
                        threshold: 1
                        accounts: [{account: beta@admin, weight: 1}]   # ← depth-exceeded: beta@admin is beyond depth 1
                  beta:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k2, weight: 1}]}
                """, "depth-exceeded", "alpha", "admin", 9);
    }

    @Test
    @CheckTest(value = "depth-exceeded", unsafe = false)
    void depth_exceeded_accepts_a_reference_within_max_depth() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  alpha:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, accounts: [{account: beta@admin, weight: 1}]}
                  beta:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k2, weight: 1}]}
                """, "depth-exceeded");
    }

    @Test
    @CheckTest(value = "cross-chain-reference", unsafe = true)
    void cross_chain_reference_flags_a_reference_to_an_account_of_another_chain() {
        assertFinds("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 1
                        keys: [{key: k9, weight: 1}]
                        accounts: [{account: treasury1111@active, weight: 1}]   # ← cross-chain-reference
                  treasury1111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "cross-chain-reference", "vault", "admin", 11);
    }

    @Test
    @CheckTest(value = "cross-chain-reference", unsafe = false)
    void cross_chain_reference_accepts_a_reference_on_the_same_chain() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k9, weight: 1}], accounts: [{account: ops@admin, weight: 1}]}
                  ops:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "cross-chain-reference");
    }

    @Test
    @CheckTest(value = "analysis-cut-short", unsafe = true)
    void analysis_cut_short_flags_a_clique_of_twenty_authorities() {
        StringBuilder y = new StringBuilder("quorate: 1\naccounts:\n  web:\n    chain: generic\n    options: {max_depth: 20}\n    authorities:\n");
        for (int i = 0; i < 20; i++) {
            y.append("      c").append(i).append(": {threshold: 20, keys: [{key: k1, weight: 1}], accounts: [");
            for (int j = 0, n = 0; j < 20; j++) {
                if (j != i) y.append(n++ == 0 ? "" : ", ").append("{account: web@c").append(j).append(", weight: 1}");
            }
            y.append("]}\n");
        }
        assertFinds(y.toString(), "analysis-cut-short", "web", "c0", 7);
    }

    @Test
    @CheckTest(value = "analysis-cut-short", unsafe = false)
    void analysis_cut_short_accepts_a_small_web() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  web:
                    chain: generic
                    authorities:
                      a: {threshold: 2, keys: [{key: k1, weight: 1}], accounts: [{account: web@b, weight: 1}, {account: web@c, weight: 1}]}
                      b: {threshold: 2, keys: [{key: k2, weight: 1}], accounts: [{account: web@a, weight: 1}, {account: web@c, weight: 1}]}
                      c: {threshold: 2, keys: [{key: k3, weight: 1}], accounts: [{account: web@a, weight: 1}, {account: web@b, weight: 1}]}
                """, "analysis-cut-short");
    }
}
