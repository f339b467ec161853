package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every Casper key-management error named in the semantics, triggered by one step and reported by name. */
class CasperPlanTest {

    static final String POLICY = """
            quorate: 1
            keys:
              primary: 01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986
              user_1:  account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7
              user_2:  account-hash-04a9691a9f8f05a0f08bd686f188b27c7dbcd644b415759fd3ca043d916ea02f
              user_3:  account-hash-77ea2e433c94c9cb8303942335da458672249d38c1fa5d1d7a7500b862ff52a4
            accounts:
              acct:
                chain: casper
                keys:
                  - {key: primary, weight: 3}
                  - {key: user_1, weight: 1}
                  - {key: user_2, weight: 1}
                thresholds: {deployment: 2, key_management: 3}
            """;

    static String plan(String step) {
        return "quorate: 1\naccount: acct\nsteps:\n  - " + step + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DuplicateKey | {op: add_associated_key, key: user_1, weight: 1, signatures: [primary]}",
            "MissingKey | {op: remove_associated_key, key: user_3, signatures: [primary]}",
            "MissingKey | {op: update_associated_key, key: user_3, weight: 2, signatures: [primary]}",
            "ThresholdViolation | {op: remove_associated_key, key: primary, signatures: [primary]}",
            "ThresholdViolation | {op: update_associated_key, key: primary, weight: 0, signatures: [primary]}",
            "InsufficientTotalWeight | {op: set_action_threshold, action: key_management, threshold: 6, signatures: [primary]}",
            "DeploymentThreshold | {op: set_action_threshold, action: deployment, threshold: 4, signatures: [primary]}",
            "KeyManagementThreshold | {op: set_action_threshold, action: key_management, threshold: 1, signatures: [primary]}",
            "PermissionDenied | {op: add_associated_key, key: user_3, weight: 1, signatures: [user_1, user_2]}",
            "PermissionDenied | {op: set_action_threshold, action: deployment, threshold: 1, signatures: [user_1, user_2]}",
            "DeploymentAuthorizationFailure | {op: add_associated_key, key: user_3, weight: 1, signatures: [user_1]}",
            "DeploymentThreshold | {op: set_action_threshold, action: Deployment, threshold: 4, signatures: [primary]}",
            "KeyManagementThreshold | {op: set_action_threshold, action: KeyManagement, threshold: 1, signatures: [primary]}",
    })
    void each_chain_error_is_reported_by_name(String error, String step) {
        PlanReport r = Plans.run(POLICY, plan(step));
        assertEquals("rejected", r.verdict());
        assertEquals(error, Plans.firstError(r));
    }

    @Test
    void a_signed_change_the_account_refuses_is_authorized_but_not_accepted() {
        StepReport s = Plans.run(POLICY, plan("{op: remove_associated_key, key: primary, signatures: [primary]}")).steps().get(0);
        assertTrue(s.authorized());
        assertFalse(s.accepted());
    }

    @Test
    void max_keys_limit_at_one_hundred_associated_keys() {
        StringBuilder policy = new StringBuilder("quorate: 1\naccounts:\n  acct:\n    chain: casper\n    keys:\n");
        for (int i = 0; i < 100; i++) policy.append(String.format("      - {key: account-hash-%064x, weight: 1}%n", i + 1));
        policy.append("    thresholds: {deployment: 1, key_management: 1}\n");
        PlanReport r = Plans.run(policy.toString(), plan(String.format(
                "{op: add_associated_key, key: account-hash-%064x, weight: 1, signatures: [account-hash-%064x]}", 500, 1)));
        assertEquals("MaxKeysLimit", Plans.firstError(r));
    }

    @Test
    void a_deploy_is_authorized_on_the_state_it_started_from() {
        String start = """
                quorate: 1
                keys:
                  primary: 01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986
                  user_1:  account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7
                  user_3:  account-hash-77ea2e433c94c9cb8303942335da458672249d38c1fa5d1d7a7500b862ff52a4
                accounts:
                  acct:
                    chain: casper
                    keys: [{key: primary, weight: 3}, {key: user_1, weight: 1}]
                    thresholds: {deployment: 1, key_management: 1}
                """;
        String grouped = """
                quorate: 1
                account: acct
                steps:
                  - {op: set_action_threshold, action: key_management, threshold: 3, signatures: [user_1], deploy: d}
                  - {op: add_associated_key, key: user_3, weight: 1, signatures: [user_1], deploy: d}
                """;
        assertEquals("safe", Plans.run(start, grouped).verdict());
        PlanReport separate = Plans.run(start, grouped.replace(", deploy: d", ""));
        assertEquals("rejected", separate.verdict());
        assertEquals("PermissionDenied", Plans.firstError(separate));
        assertEquals("2", separate.firstProblem().step().label());
    }

    @Test
    void a_call_the_account_refuses_reverts_its_whole_deploy() {
        String p = """
                quorate: 1
                account: acct
                steps:
                  - {id: add, op: add_associated_key, key: user_3, weight: 1, signatures: [primary], deploy: d}
                  - {id: bad, op: set_action_threshold, action: deployment, threshold: 9, signatures: [primary], deploy: d}
                  - {id: after, op: remove_associated_key, key: user_3, signatures: [primary]}
                """;
        PlanReport r = Plans.run(POLICY, p);
        assertEquals("rejected", r.steps().get(0).verdict().label());
        assertEquals("InsufficientTotalWeight", r.steps().get(1).error().name());
        // the key added in the reverted deploy is not there for the next step
        assertEquals("MissingKey", r.steps().get(2).error().name());
    }

    @Test
    void raising_both_thresholds_in_the_wrong_order_gets_a_reorder() {
        String start = POLICY.replace("{deployment: 2, key_management: 3}", "{deployment: 1, key_management: 1}");
        String p = """
                quorate: 1
                account: acct
                steps:
                  - {id: dep, op: set_action_threshold, action: deployment, threshold: 2, signatures: [primary]}
                  - {id: km, op: set_action_threshold, action: key_management, threshold: 3, signatures: [primary]}
                """;
        PlanReport r = Plans.run(start, p);
        assertEquals("DeploymentThreshold", Plans.firstError(r));
        assertEquals(java.util.List.of("km", "dep"), r.reorder());
    }
}
