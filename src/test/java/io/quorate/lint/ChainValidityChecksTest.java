package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks of what the chains themselves reject or cap. */
class ChainValidityChecksTest {

    static final String FT4 = LockoutChecksTest.FT4_KEYS;
    static final String EOS = CollusionChecksTest.EOS_KEYS;
    static final String CASPER = CollusionChecksTest.CASPER_KEYS;

    @Test
    @CheckTest(value = "invalid-threshold", unsafe = true)
    void invalid_threshold_flags_an_eos_threshold_of_0() {
        assertFinds(EOS + """
                      owner: {threshold: 0, keys: [{key: k1, weight: 1}]}   # ← invalid-threshold
                """, "invalid-threshold", "treasury1111", "owner", 10);
    }

    @Test
    @CheckTest(value = "invalid-threshold", unsafe = false)
    void invalid_threshold_accepts_an_eos_threshold_of_1() {
        assertNoFinding(EOS + """
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                """, "invalid-threshold");
    }

    @Test
    @CheckTest(value = "chain-limit-exceeded", unsafe = true)
    void chain_limit_exceeded_flags_an_eos_wait_beyond_45_days() {
        assertFinds(EOS + """
                      owner:
                        threshold: 2
                        keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]
                        waits: [{seconds: 3888001, weight: 1}]   # ← chain-limit-exceeded
                """, "chain-limit-exceeded", "treasury1111", "owner", 13);
    }

    @Test
    @CheckTest(value = "chain-limit-exceeded", unsafe = true)
    void chain_limit_exceeded_flags_a_hive_role_of_41_entries() {
        String keys = IntStream.range(0, 41).mapToObj(i -> "          - {account: member-" + (char) ('a' + i / 26) + (char) ('a' + i % 26)
                + "x, weight: 1}").collect(Collectors.joining("\n"));
        assertFinds("""
                quorate: 1
                accounts:
                  big.club:
                    chain: hive
                    active:                                    # ← chain-limit-exceeded: 41 entries
                      threshold: 2
                      accounts:
                """ + keys + "\n", "chain-limit-exceeded", "big.club", "active", 5);
    }

    @Test
    @CheckTest(value = "chain-limit-exceeded", unsafe = true)
    void chain_limit_exceeded_flags_more_descriptors_than_max_descriptors() {
        assertFinds("""
                quorate: 1
                keys:
                  alice: 03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6
                  dan:   035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC
                accounts:
                  company:                                     # ← chain-limit-exceeded: 2 descriptors, at most 1
                    chain: ft4
                    options: {max_descriptors: 1}
                    auth_descriptors:
                      owners: {main: true, signers: [alice], flags: [A, T]}
                      dan: {signers: [dan], flags: [T]}
                """, "chain-limit-exceeded", "company", null, 6);
    }

    @Test
    @CheckTest(value = "chain-limit-exceeded", unsafe = true)
    void chain_limit_exceeded_flags_more_than_100_casper_keys() {
        String keys = IntStream.range(0, 101).mapToObj(i -> String.format("      - {key: account-hash-%064x, weight: 1}", i + 1))
                .collect(Collectors.joining("\n"));
        assertFinds("""
                quorate: 1
                accounts:
                  crowd:                                       # ← chain-limit-exceeded: 101 keys
                    chain: casper
                    keys:
                """ + keys + "\n", "chain-limit-exceeded", "crowd", null, 3);
    }

    @Test
    @CheckTest(value = "chain-limit-exceeded", unsafe = false)
    void chain_limit_exceeded_accepts_a_wait_of_45_days() {
        assertNoFinding(EOS + """
                      owner:
                        threshold: 2
                        keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]
                        waits: [{seconds: 3888000, weight: 1}]
                """, "chain-limit-exceeded");
    }

    @Test
    @CheckTest(value = "deployment-above-key-management", unsafe = true)
    void deployment_above_key_management_flags_the_order_casper_refuses() {
        assertFinds(CASPER + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 3, key_management: 2}   # ← deployment-above-key-management
                """, "deployment-above-key-management", "treasury", null, 10);
    }

    @Test
    @CheckTest(value = "deployment-above-key-management", unsafe = false)
    void deployment_above_key_management_accepts_deployment_below() {
        assertNoFinding(CASPER + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 3}
                """, "deployment-above-key-management");
    }

    @Test
    @CheckTest(value = "main-descriptor-rules", unsafe = true)
    void main_descriptor_rules_flags_a_main_descriptor_with_rules() {
        assertFinds(FT4 + """
                      owners:                                  # ← main-descriptor-rules
                        main: true
                        signers: [alice, bob, charlie]
                        signatures_required: 2
                        flags: [A, T]
                        rules: [le, op_count, 100]
                """, "main-descriptor-rules", "company", "owners", 11);
    }

    @Test
    @CheckTest(value = "main-descriptor-rules", unsafe = false)
    void main_descriptor_rules_accepts_rules_on_a_secondary() {
        assertNoFinding(FT4 + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [T], rules: [le, op_count, 100]}
                """, "main-descriptor-rules");
    }

    @Test
    @CheckTest(value = "main-descriptor-flags", unsafe = true)
    void main_descriptor_flags_flags_a_main_descriptor_without_a() {
        assertFinds(FT4 + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [T]}   # ← main-descriptor-flags
                """, "main-descriptor-flags", "company", "owners", 11);
    }

    @Test
    @CheckTest(value = "main-descriptor-flags", unsafe = false)
    void main_descriptor_flags_accepts_the_mandatory_flags() {
        assertNoFinding(FT4 + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T, X]}
                """, "main-descriptor-flags");
    }

    @Test
    @CheckTest(value = "signatures-required-exceeds-signers", unsafe = true)
    void signatures_required_exceeds_signers_flags_3_of_2() {
        assertFinds(FT4 + """
                      owners: {main: true, signers: [alice, bob], signatures_required: 3, flags: [A, T]}   # ← signatures-required-exceeds-signers
                """, "signatures-required-exceeds-signers", "company", "owners", 11);
    }

    @Test
    @CheckTest(value = "signatures-required-exceeds-signers", unsafe = true)
    void signatures_required_exceeds_signers_counts_a_repeated_signer_once() {
        assertFinds(FT4 + """
                      owners: {main: true, signers: [alice, alice, bob], signatures_required: 3, flags: [A, T]}   # ← signatures-required-exceeds-signers
                """, "signatures-required-exceeds-signers", "company", "owners", 11);
    }

    @Test
    @CheckTest(value = "signatures-required-exceeds-signers", unsafe = false)
    void signatures_required_exceeds_signers_accepts_2_of_2() {
        assertNoFinding(FT4 + """
                      owners: {main: true, signers: [alice, bob], signatures_required: 2, flags: [A, T]}
                """, "signatures-required-exceeds-signers");
    }

    @Test
    @CheckTest(value = "link-to-missing-permission", unsafe = true)
    void link_to_missing_permission_flags_a_link_to_an_undeclared_permission() {
        assertFinds("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                    links:
                      eosio.token::transfer: payments              # ← link-to-missing-permission
                """, "link-to-missing-permission", "treasury1111", "payments", 11);
    }

    @Test
    @CheckTest(value = "link-to-missing-permission", unsafe = false)
    void link_to_missing_permission_accepts_declared_permissions_and_eosio_any() {
        assertNoFinding("""
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      payments: {threshold: 1, keys: [{key: k1, weight: 1}]}
                    links:
                      eosio.token::transfer: payments
                      any.contract::ping: eosio.any
                """, "link-to-missing-permission");
    }
}
