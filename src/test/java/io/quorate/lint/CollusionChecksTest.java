package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;

import org.junit.jupiter.api.Test;

/** Checks on how few people can act: single keys, one holder's keys, weaker parents, guardrails. */
class CollusionChecksTest {

    static final String CASPER_KEYS = """
            quorate: 1
            keys:
              primary: 01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986
              user_1:  account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7
              user_2:  account-hash-04a9691a9f8f05a0f08bd686f188b27c7dbcd644b415759fd3ca043d916ea02f
            accounts:
              treasury:
                chain: casper
            """;

    static final String EOS_KEYS = """
            quorate: 1
            keys:
              k1: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
              k2: EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
              k3: EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
            accounts:
              treasury1111:
                chain: eos
                permissions:
            """;

    @Test
    @CheckTest(value = "single-key-control", unsafe = true)
    void single_key_control_flags_a_casper_primary_key_that_deploys_alone() {
        assertFinds(CASPER_KEYS + """
                    keys: [{key: primary, weight: 3}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 3}   # ← single-key-control (deployment, key_management)
                """, "single-key-control", "treasury", "deployment", 10);
    }

    @Test
    @CheckTest(value = "single-key-control", unsafe = false)
    void single_key_control_accepts_equal_weights_below_the_threshold() {
        assertNoFinding(CASPER_KEYS + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 3, upgrade_management: 3}
                """, "single-key-control");
    }

    @Test
    @CheckTest(value = "holder-concentration", unsafe = true)
    void holder_concentration_flags_two_keys_of_one_person_that_satisfy_together() {
        assertFinds("""
                quorate: 1
                keys:
                  a1: {key: alice-laptop, holder: alice}
                  a2: {key: alice-phone, holder: alice}
                  b1: {key: bob-hsm, holder: bob}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:                                   # ← holder-concentration: alice holds a1 and a2
                        threshold: 2
                        keys: [{key: a1, weight: 1}, {key: a2, weight: 1}, {key: b1, weight: 1}]
                """, "holder-concentration", "vault", "admin", 10);
    }

    @Test
    @CheckTest(value = "holder-concentration", unsafe = false)
    void holder_concentration_accepts_keys_of_different_holders() {
        assertNoFinding("""
                quorate: 1
                keys:
                  a1: {key: alice-laptop, holder: alice}
                  b1: {key: bob-hsm, holder: bob}
                  c1: {key: carol-hsm, holder: carol}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: a1, weight: 1}, {key: b1, weight: 1}, {key: c1, weight: 1}]}
                """, "holder-concentration");
    }

    @Test
    @CheckTest(value = "weaker-parent", unsafe = true)
    void weaker_parent_flags_a_single_key_eos_owner_over_a_two_of_three_active() {
        assertFinds(EOS_KEYS + """
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}   # ← weaker-parent
                      active: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                """, "weaker-parent", "treasury1111", "owner", 10);
    }

    @Test
    @CheckTest(value = "weaker-parent", unsafe = true)
    void weaker_parent_flags_a_hive_owner_weaker_than_active() {
        assertFinds("""
                quorate: 1
                accounts:
                  test.auth:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: STM5hWTqmVT72bxiGiFyjnCeH6EHRDS6LXKMdwwo2fSUjdH3cRzQd, weight: 1}]}   # ← weaker-parent
                    active:
                      threshold: 2
                      keys:
                        - {key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}
                        - {key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}
                """, "weaker-parent", "test.auth", "owner", 5);
    }

    @Test
    @CheckTest(value = "weaker-parent", unsafe = false)
    void weaker_parent_accepts_an_owner_as_strong_as_active() {
        assertNoFinding(EOS_KEYS + """
                      owner: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                      active: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                """, "weaker-parent");
    }

    @Test
    @CheckTest(value = "requirement-not-met", unsafe = true)
    void requirement_not_met_flags_an_authority_below_min_signers() {
        assertFinds("""
                quorate: 1
                requirements: {min_signers: 3}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:                                   # ← requirement-not-met: 2 can act, 3 required
                        threshold: 2
                        keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}, {key: k4, weight: 1}]
                """, "requirement-not-met", "vault", "admin", 7);
    }

    @Test
    @CheckTest(value = "requirement-not-met", unsafe = true)
    void requirement_not_met_flags_too_few_distinct_holders() {
        assertFinds("""
                quorate: 1
                keys:
                  a1: {key: alice-laptop, holder: alice}
                  a2: {key: alice-phone, holder: alice}
                  b1: {key: bob-hsm, holder: bob}
                requirements: {distinct_holders: 2}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin:                                   # ← requirement-not-met: alice alone
                        threshold: 2
                        keys: [{key: a1, weight: 1}, {key: a2, weight: 1}, {key: b1, weight: 1}]
                """, "requirement-not-met", "vault", "admin", 11);
    }

    @Test
    @CheckTest(value = "requirement-not-met", unsafe = false)
    void requirement_not_met_accepts_an_authority_that_meets_the_guardrails() {
        assertNoFinding("""
                quorate: 1
                requirements: {min_signers: 2, survive_key_loss: 1}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                """, "requirement-not-met");
    }

    @Test
    @CheckTest(value = "open-authority", unsafe = true)
    void open_authority_flags_a_hive_threshold_of_0() {
        assertFinds("""
                quorate: 1
                accounts:
                  test.auth:
                    chain: hive
                    posting: {threshold: 0, keys: [{key: STM8AWv9eMCTSgYqZDVU4gFqDa4b8EoJiTzMCbMqPxFc2JVbjY8bN, weight: 1}]}   # ← open-authority
                """, "open-authority", "test.auth", "posting", 5);
    }

    @Test
    @CheckTest(value = "open-authority", unsafe = false)
    void open_authority_accepts_a_threshold_of_1() {
        assertNoFinding("""
                quorate: 1
                accounts:
                  test.auth:
                    chain: hive
                    posting: {threshold: 1, keys: [{key: STM8AWv9eMCTSgYqZDVU4gFqDa4b8EoJiTzMCbMqPxFc2JVbjY8bN, weight: 1}]}
                """, "open-authority");
    }

    @Test
    @CheckTest(value = "wait-only-path", unsafe = true)
    void wait_only_path_flags_waits_that_reach_the_threshold_alone() {
        assertFinds(EOS_KEYS + """
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:                                  # ← wait-only-path
                        threshold: 2
                        keys: [{key: k2, weight: 1}]
                        waits: [{seconds: 86400, weight: 2}]
                """, "wait-only-path", "treasury1111", "active", 11);
    }

    @Test
    @CheckTest(value = "wait-only-path", unsafe = true)
    void wait_only_path_flags_a_permission_that_signatures_alone_never_satisfy() {
        assertFinds(EOS_KEYS + """
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:                                  # ← wait-only-path: k2 needs the wait
                        threshold: 2
                        keys: [{key: k2, weight: 1}]
                        waits: [{seconds: 86400, weight: 1}]
                """, "wait-only-path", "treasury1111", "active", 11);
    }

    @Test
    @CheckTest(value = "wait-only-path", unsafe = false)
    void wait_only_path_accepts_a_wait_that_only_stands_in_for_a_signature() {
        assertNoFinding(EOS_KEYS + """
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k2, weight: 1}, {key: k3, weight: 1}]
                        waits: [{seconds: 86400, weight: 1}]
                """, "wait-only-path");
    }

    @Test
    @CheckTest(value = "key-management-equals-deployment", unsafe = true)
    void key_management_equals_deployment_flags_equal_thresholds() {
        assertFinds(CASPER_KEYS + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 2}   # ← key-management-equals-deployment
                """, "key-management-equals-deployment", "treasury", "key_management", 10);
    }

    @Test
    @CheckTest(value = "key-management-equals-deployment", unsafe = false)
    void key_management_equals_deployment_accepts_a_higher_key_management() {
        assertNoFinding(CASPER_KEYS + """
                    keys: [{key: primary, weight: 1}, {key: user_1, weight: 1}, {key: user_2, weight: 1}]
                    thresholds: {deployment: 2, key_management: 3}
                """, "key-management-equals-deployment");
    }

    @Test
    @CheckTest(value = "account-flag-on-secondary", unsafe = true)
    void account_flag_on_secondary_flags_a_with_a_on_a_non_main_descriptor() {
        assertFinds(LockoutChecksTest.FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [A]}        # ← account-flag-on-secondary
                """, "account-flag-on-secondary", "company", "dan", 12);
    }

    @Test
    @CheckTest(value = "account-flag-on-secondary", unsafe = false)
    void account_flag_on_secondary_accepts_a_transfer_only_secondary() {
        assertNoFinding(LockoutChecksTest.FT4_KEYS + """
                      owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                      dan: {signers: [dan], flags: [T]}
                """, "account-flag-on-secondary");
    }
}
