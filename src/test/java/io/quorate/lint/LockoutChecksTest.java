package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;

import org.junit.jupiter.api.Test;

/** Checks that catch configurations which lock their owners out. */
class LockoutChecksTest {

    static final String FT4_KEYS = """
            quorate: 1
            keys:
              alice:   03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6
              bob:     02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41
              charlie: 03B7EF6C5948022298051E57521CE56075A16A883516240021BD337C8A6E7DDD13
              dan:     035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC
            accounts:
              company:
                chain: ft4
                auth_descriptors:
            """;

    @Test
    @CheckTest(value = "threshold-unreachable", unsafe = true)
    void threshold_unreachable_flags_a_threshold_above_the_total_weight() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:
                        threshold: 3                           # ← threshold-unreachable
                        keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]
                """, "threshold-unreachable", "vault", "admin", 7);
    }

    @Test
    @CheckTest(value = "threshold-unreachable", unsafe = true)
    void threshold_unreachable_flags_a_hive_role_no_signature_set_reaches() {
        assertFinds("""
                quorate: 1
                accounts:
                  test.auth:
                    chain: hive
                    owner: {threshold: 2, keys: [{key: STM5hWTqmVT72bxiGiFyjnCeH6EHRDS6LXKMdwwo2fSUjdH3cRzQd, weight: 1}]}   # ← threshold-unreachable
                """, "threshold-unreachable", "test.auth", "owner", 5);
    }

    @Test
    @CheckTest(value = "threshold-unreachable", unsafe = false)
    void threshold_unreachable_accepts_a_reachable_threshold() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]}
                """, "threshold-unreachable");
    }

    @Test
    @CheckTest(value = "lockout-on-key-loss", unsafe = true)
    void lockout_on_key_loss_flags_a_capability_that_one_lost_key_takes_away() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:                                       # ← lockout-on-key-loss
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]}
                    actions: {withdraw: admin}
                """, "lockout-on-key-loss", "vault", null, 3);
    }

    @Test
    @CheckTest(value = "lockout-on-key-loss", unsafe = true)
    void lockout_on_key_loss_holds_a_capability_to_requirements_survive_key_loss() {
        assertFinds("""
                quorate: 1
                requirements: {survive_key_loss: 2}
                accounts:
                  vault:                                       # ← lockout-on-key-loss: survives 1, needs 2
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                    actions: {withdraw: admin}
                """, "lockout-on-key-loss", "vault", null, 4);
    }

    @Test
    @CheckTest(value = "lockout-on-key-loss", unsafe = false)
    void lockout_on_key_loss_accepts_two_of_three() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                    actions: {withdraw: admin}
                """, "lockout-on-key-loss");
    }

    @Test
    void lockout_on_key_loss_is_quiet_where_no_key_is_needed_so_none_can_be_lost() {
        // Hive's `temp` account: owner and active take no signature at all
        assertNoFinding("""
                quorate: 1
                accounts:
                  temp:
                    chain: hive
                    owner: {threshold: 0}
                    active: {threshold: 0}
                    posting: {threshold: 1}
                """, "lockout-on-key-loss");
    }

    @Test
    void lockout_and_unreachable_thresholds_are_quiet_where_an_account_outside_the_policy_may_act() {
        String yaml = """
                quorate: 1
                keys:
                  k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  eosio:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, accounts: [{permission: eosio.prods@active, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k1, weight: 1}]
                        accounts: [{permission: lioninjungle@active, weight: 1}]
                """;
        assertNoFinding(yaml, "lockout-on-key-loss");
        assertNoFinding(yaml, "threshold-unreachable");
    }

    @Test
    @CheckTest(value = "all-signers-required", unsafe = true)
    void all_signers_required_flags_an_n_of_n_descriptor() {
        assertFinds(FT4_KEYS + """
                      owners:                                  # ← all-signers-required
                        main: true
                        signers: [alice, bob, charlie]
                        signatures_required: 3
                        flags: [A, T]
                """, "all-signers-required", "company", "owners", 11);
    }

    @Test
    @CheckTest(value = "all-signers-required", unsafe = false)
    void all_signers_required_accepts_two_of_three() {
        assertNoFinding(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                """, "all-signers-required");
    }

    @Test
    @CheckTest(value = "descriptor-expired", unsafe = true)
    void descriptor_expired_flags_a_block_time_bound_in_the_past() {
        assertFinds(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan:                                     # ← descriptor-expired: 2025-01-01 has passed
                        signers: [dan]
                        flags: [T]
                        rules: [lt, block_time, 1735689600000]
                """, "descriptor-expired", "company", "dan", 12);
    }

    @Test
    @CheckTest(value = "descriptor-expired", unsafe = true)
    void descriptor_expired_flags_rules_that_contradict_each_other() {
        assertFinds(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan:                                     # ← descriptor-expired
                        signers: [dan]
                        flags: [T]
                        rules: [and, [gt, block_height, 500], [lt, block_height, 100]]
                """, "descriptor-expired", "company", "dan", 12);
    }

    @Test
    @CheckTest(value = "descriptor-expired", unsafe = false)
    void descriptor_expired_accepts_a_block_time_bound_in_the_future() {
        assertNoFinding(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [T], rules: [and, [lt, block_time, 1893456000000], [le, op_count, 5]]}
                """, "descriptor-expired");
    }

    @Test
    @CheckTest(value = "rule-looks-like-timestamp", unsafe = true)
    void rule_looks_like_timestamp_flags_a_block_height_in_milliseconds() {
        assertFinds(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan:
                        signers: [dan]
                        flags: [T]
                        rules: [gt, block_height, 1876543210123]   # ← rule-looks-like-timestamp
                """, "rule-looks-like-timestamp", "company", "dan", 15);
    }

    @Test
    @CheckTest(value = "rule-looks-like-timestamp", unsafe = false)
    void rule_looks_like_timestamp_accepts_a_block_number_and_a_block_time() {
        assertNoFinding(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [T], rules: [and, [gt, block_height, 1876543], [gt, block_time, 1876543210123]]}
                """, "rule-looks-like-timestamp");
    }

    @Test
    @CheckTest(value = "invalid-op-count-rule", unsafe = true)
    void invalid_op_count_rule_flags_an_operator_the_chain_rejects() {
        assertFinds(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan:
                        signers: [dan]
                        flags: [T]
                        rules: [gt, op_count, 3]   # ← invalid-op-count-rule
                """, "invalid-op-count-rule", "company", "dan", 15);
    }

    @Test
    @CheckTest(value = "invalid-op-count-rule", unsafe = false)
    void invalid_op_count_rule_accepts_lt_above_1_and_le_above_0() {
        assertNoFinding(FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [T], rules: [and, [lt, op_count, 2], [le, op_count, 1]]}
                """, "invalid-op-count-rule");
    }

    @Test
    @CheckTest(value = "validity-window-closed", unsafe = true)
    void validity_window_closed_flags_an_authority_whose_window_ended() {
        assertFinds("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: a, weight: 1}, {key: b, weight: 1}, {key: c, weight: 1}]}
                      spend:   # ← validity-window-closed: the window ended before the linter's day, 2026-11-23
                        threshold: 1
                        keys: [{key: a, weight: 1}]
                        valid: {from: 2025-01-01T00:00:00Z, until: 2026-01-01T00:00:00Z}
                    actions: {withdraw: spend, "*": admin}
                """, "validity-window-closed", "vault", "spend", 7);
    }

    @Test
    @CheckTest(value = "validity-window-closed", unsafe = false)
    void validity_window_closed_accepts_a_window_still_open_or_to_come() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: a, weight: 1}, {key: b, weight: 1}, {key: c, weight: 1}]}
                      spend:
                        threshold: 1
                        keys: [{key: a, weight: 1}]
                        valid: {from: 2027-01-01T00:00:00Z, until: 2028-01-01T00:00:00Z}
                      audit:
                        threshold: 1
                        keys: [{key: b, weight: 1}]
                        valid: {until: 2026-12-31T00:00:00Z}
                    actions: {withdraw: spend, "*": admin}
                """, "validity-window-closed");
    }
}
