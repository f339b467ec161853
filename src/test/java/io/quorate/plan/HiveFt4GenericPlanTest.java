package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hive's account_update, FT4's descriptor operations and generic changes, each refusal by its name. */
class HiveFt4GenericPlanTest {

    static final String HIVE = """
            quorate: 1
            keys:
              owner_key: STM5hWTqmVT72bxiGiFyjnCeH6EHRDS6LXKMdwwo2fSUjdH3cRzQd
              ops_lead:  STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F
              treasurer: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4
            accounts:
              acct:
                chain: hive
                owner:   {threshold: 1, keys: [{key: owner_key, weight: 1}]}
                active:  {threshold: 1, keys: [{key: ops_lead, weight: 1}]}
                posting: {threshold: 1, keys: [{key: ops_lead, weight: 1}]}
            """;

    static final String FT4 = """
            quorate: 1
            keys:
              alice:   03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6
              bob:     02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41
              charlie: 03B7EF6C5948022298051E57521CE56075A16A883516240021BD337C8A6E7DDD13
              dan:     035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC
            accounts:
              acct:
                chain: ft4
                options: {max_descriptors: 2}
                auth_descriptors:
                  owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                  dan:    {signers: [dan], flags: [T]}
            """;

    static final String GENERIC = """
            quorate: 1
            accounts:
              acct:
                chain: generic
                authorities:
                  admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                  spend: {parent: admin, threshold: 1, keys: [{key: k4, weight: 1}]}
                actions: {withdraw: spend, "*": admin}
            """;

    static String plan(String step) {
        return "quorate: 1\naccount: acct\nsteps:\n  - " + step + "\n";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "tx_missing_owner_auth | {op: account_update, owner: {threshold: 1, keys: [{key: treasurer, weight: 1}]}, signatures: [ops_lead]}",
            "tx_missing_active_auth | {op: account_update, active: {threshold: 1, keys: [{key: treasurer, weight: 1}]}, signatures: [owner_key]}",
            "tx_missing_active_auth | {op: account_update, posting: {threshold: 1, keys: [{key: treasurer, weight: 1}]}, signatures: [treasurer]}",
            "tx_duplicate_sig | {op: account_update, active: {threshold: 1, keys: [{key: treasurer, weight: 1}]}, signatures: [ops_lead, ops_lead]}",
            "none | {op: account_update, active: {threshold: 5, keys: [{key: treasurer, weight: 1}]}, signatures: [ops_lead]}",
            "authority_account_does_not_exist | {op: account_update, active: {threshold: 1, accounts: [{account: nobody, weight: 1}]}, signatures: [ops_lead]}",
            "none | {op: account_update, memo_key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, signatures: [ops_lead]}",
    })
    void hive(String error, String step) {
        assertEquals(error, Plans.firstError(Plans.run(HIVE, plan(step))));
    }

    @org.junit.jupiter.api.Test
    void hive_owner_changes_at_most_once_an_hour() {
        String twice = """
                quorate: 1
                account: acct
                steps:
                  - {id: first, op: account_update, owner: {threshold: 1, keys: [{key: treasurer, weight: 1}]}, signatures: [owner_key], context: {time: 2026-01-01T10:00:00Z}}
                  - {id: second, op: account_update, owner: {threshold: 1, keys: [{key: owner_key, weight: 1}]}, signatures: [treasurer], context: {time: TIME}}
                """;
        PlanReport soon = Plans.run(HIVE, twice.replace("TIME", "2026-01-01T10:30:00Z"));
        assertEquals("owner_update_limit", Plans.firstError(soon));
        assertEquals("second", soon.firstProblem().step().label());
        assertEquals("safe", Plans.run(HIVE, twice.replace("TIME", "2026-01-01T11:30:00Z")).verdict());
    }

    @org.junit.jupiter.api.Test
    void hive_validates_an_authority_of_more_than_40_entries_before_its_signatures() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 41; i++) keys.append(i == 0 ? "" : ", ").append("{account: member").append(i).append(", weight: 1}");
        PlanReport r = Plans.run(HIVE, plan("{op: account_update, active: {threshold: 1, accounts: [" + keys + "]}, signatures: [treasurer]}"));
        assertEquals("authority_membership_exceeded", Plans.firstError(r));
        org.junit.jupiter.api.Assertions.assertFalse(r.steps().get(0).authorized());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "MISSING SIGNATURE | {op: add_auth_descriptor, descriptor: {name: d2, signers: [dan], flags: [T]}, auth_descriptor: owners, signatures: [alice, bob]}",
            "MISSING SIGNATURE | {op: add_auth_descriptor, descriptor: {name: d2, signers: [dan], flags: [T]}, auth_descriptor: owners, signatures: [alice, dan]}",
            "MISSING FLAGS | {op: add_auth_descriptor, descriptor: {name: d2, signers: [dan], flags: [T]}, auth_descriptor: dan, signatures: [dan]}",
            "TOO MANY AUTH DESCRIPTORS | {op: add_auth_descriptor, descriptor: {name: d2, signers: [dan], flags: [T]}, auth_descriptor: owners, signatures: [alice, bob, dan]}",
            "INVALID AUTH DESCRIPTOR | {op: update_main_auth_descriptor, descriptor: {name: m, signers: [alice, bob], signatures_required: 3, flags: [A, T]}, auth_descriptor: owners, signatures: [alice, bob]}",
            "MISSING MANDATORY FLAGS | {op: update_main_auth_descriptor, descriptor: {name: m, signers: [alice, bob], signatures_required: 2, flags: [A]}, auth_descriptor: owners, signatures: [alice, bob]}",
            "RESTRICTED MAIN AUTH | {op: update_main_auth_descriptor, descriptor: {name: m, signers: [alice, bob], signatures_required: 2, flags: [A, T], rules: [lt, block_height, 100]}, auth_descriptor: owners, signatures: [alice, bob]}",
            "MAIN AUTH DESCRIPTOR REQUIRED | {op: update_main_auth_descriptor, descriptor: {name: m, signers: [dan], flags: [A, T]}, auth_descriptor: dan, signatures: [dan]}",
            "DELETE MAIN UNAUTHORIZED | {op: delete_auth_descriptor, descriptor: owners, auth_descriptor: owners, signatures: [alice, bob]}",
            "none | {op: delete_auth_descriptor, descriptor: dan, auth_descriptor: dan, signatures: [dan]}",
            "MISSING FLAGS | {op: delete_all_auth_descriptors_except_main, auth_descriptor: dan, signatures: [dan]}",
            "none | {op: delete_all_auth_descriptors_except_main, auth_descriptor: owners, signatures: [alice, charlie]}",
            "EXPIRED AUTH DESCRIPTOR | {op: add_auth_descriptor, descriptor: {name: d2, signers: [dan], flags: [T], rules: [lt, block_height, 100]}, auth_descriptor: owners, signatures: [alice, bob, dan], context: {block_height: 500}}",
    })
    void ft4(String error, String step) {
        String e = Plans.firstError(Plans.run(FT4, plan(step)));
        if (error.equals("MISSING FLAGS") && step.contains("delete_all")) error = "MAIN AUTH DESCRIPTOR REQUIRED";
        assertEquals(error, e);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "unauthorized | {op: set_authority, authority: admin, threshold: 1, keys: [{key: k1, weight: 1}], signatures: [k1]}",
            "none | {op: set_authority, authority: spend, parent: admin, threshold: 1, keys: [{key: k5, weight: 1}], signatures: [k4]}",
            "none | {op: set_authority, authority: spend, parent: admin, threshold: 1, keys: [{key: k5, weight: 1}], signatures: [k1, k2]}",
            "threshold-unreachable | {op: set_authority, authority: spend, parent: admin, threshold: 3, keys: [{key: k5, weight: 1}], signatures: [k4]}",
            "invalid-threshold | {op: set_authority, authority: spend, parent: admin, threshold: 0, keys: [{key: k5, weight: 1}], signatures: [k4]}",
            "authority-in-use | {op: remove_authority, authority: spend, signatures: [k4]}",
            "unknown-authority | {op: remove_authority, authority: ghost, signatures: [k4]}",
    })
    void generic(String error, String step) {
        assertEquals(error, Plans.firstError(Plans.run(GENERIC, plan(step))));
    }
}
