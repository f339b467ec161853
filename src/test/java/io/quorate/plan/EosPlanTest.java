package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Antelope's updateauth, deleteauth, linkauth and unlinkauth rules, each refusal reported by the chain's exception name. */
class EosPlanTest {

    static final String POLICY = """
            quorate: 1
            keys:
              founder: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
              ops:     EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
              other:   EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
            accounts:
              acct:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: founder, weight: 1}]}
                  active: {parent: owner, threshold: 1, keys: [{key: founder, weight: 1}]}
                  ops:    {parent: active, threshold: 1, keys: [{key: ops, weight: 1}]}
                  sub:    {parent: ops, threshold: 1, keys: [{key: ops, weight: 1}]}
                links:
                  eosio.token::transfer: ops
            """;

    static String plan(String step) {
        return "quorate: 1\naccount: acct\nsteps:\n  - " + step + "\n";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "irrelevant_auth | {op: updateauth, permission: owner, parent: '', auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "irrelevant_auth | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: other@active, signatures: [founder]}",
            "permission_query_exception | {op: updateauth, permission: x, parent: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@nope, signatures: [founder]}",
            "unsatisfied_authorization | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [ops]}",
            "tx_irrelevant_sig | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder, other]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 0, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 2, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}, {key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 1, waits: [{seconds: 0, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 1, waits: [{seconds: 4000000, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: eosio.code, parent: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: ops, parent: owner, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@owner, signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, parent: ops, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@owner, signatures: [founder]}",
            "permission_query_exception | {op: updateauth, permission: fresh, parent: missing, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@owner, signatures: [founder]}",
            "action_validate_exception | {op: deleteauth, permission: active, authorization: acct@owner, signatures: [founder]}",
            "action_validate_exception | {op: deleteauth, permission: ops, authorization: acct@owner, signatures: [founder]}",
            "permission_query_exception | {op: deleteauth, permission: ghost, authorization: acct@owner, signatures: [founder]}",
            "action_validate_exception | {op: linkauth, code: eosio, type: updateauth, requirement: ops, authorization: acct@active, signatures: [founder]}",
            "action_validate_exception | {op: linkauth, code: eosio.token, type: transfer, requirement: ops, authorization: acct@active, signatures: [founder]}",
            "permission_query_exception | {op: linkauth, code: eosio.token, type: issue, requirement: ghost, authorization: acct@active, signatures: [founder]}",
            "irrelevant_auth | {op: linkauth, code: eosio.token, type: transfer, requirement: active, authorization: acct@sub, signatures: [ops]}",
            "transaction_exception | {op: unlinkauth, code: eosio.token, type: issue, authorization: acct@active, signatures: [founder]}",
            "irrelevant_auth | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: [acct@active, acct@owner], signatures: [founder]}",
            "action_validate_exception | {op: updateauth, permission: active, auth: {threshold: 1, accounts: [{permission: nobody@active, weight: 1}]}, authorization: acct@active, signatures: [founder]}",
            "none | {op: updateauth, permission: active, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: [{actor: acct, permission: owner}], signatures: [founder]}",
            "none | {op: linkauth, code: eosio.token, type: '', requirement: ops, authorization: acct@active, signatures: [founder]}",
    })
    void each_refusal_is_reported_by_the_chains_exception_name(String error, String step) {
        assertEquals(error, Plans.firstError(Plans.run(POLICY, plan(step))));
    }

    @Test
    void a_new_permission_is_authorized_by_its_parent_and_an_existing_one_by_itself() {
        assertEquals("safe", Plans.run(POLICY, plan(
                "{op: updateauth, permission: fresh, parent: ops, auth: {threshold: 1, keys: [{key: ops, weight: 1}]}, authorization: acct@ops, signatures: [ops]}")).verdict());
        assertEquals("safe", Plans.run(POLICY, plan(
                "{op: updateauth, permission: sub, auth: {threshold: 1, keys: [{key: other, weight: 1}]}, authorization: acct@ops, signatures: [ops]}")).verdict());
    }

    @Test
    void unlinking_then_deleting_a_permission_works_in_that_order_only() {
        String p = """
                quorate: 1
                account: acct
                steps:
                  - {id: del-sub, op: deleteauth, permission: sub, authorization: acct@ops, signatures: [ops]}
                  - {id: del-ops, op: deleteauth, permission: ops, authorization: acct@active, signatures: [founder]}
                  - {id: unlink, op: unlinkauth, code: eosio.token, type: transfer, authorization: acct@ops, signatures: [ops]}
                """;
        PlanReport r = Plans.run(POLICY, p);
        assertEquals("del-ops", r.firstProblem().step().label());
        assertEquals(java.util.List.of("del-sub", "unlink", "del-ops"), r.reorder());
    }

    @Test
    void deleting_a_permission_another_account_relies_on_is_unsafe_for_that_account() {
        String policy = POLICY + """
                  vault:
                    chain: eos
                    permissions:
                      owner:  {threshold: 1, keys: [{key: founder, weight: 1}]}
                      active: {parent: owner, threshold: 1, accounts: [{permission: acct@fresh, weight: 1}]}
                """;
        String p = """
                quorate: 1
                account: acct
                steps:
                  - {id: add, op: updateauth, permission: fresh, parent: active, auth: {threshold: 1, keys: [{key: other, weight: 1}]}, authorization: acct@active, signatures: [founder]}
                  - {id: drop, op: deleteauth, permission: fresh, authorization: acct@active, signatures: [founder]}
                """;
        PlanReport r = Plans.run(policy.replace("acct@fresh", "acct@ops"), p.replace("fresh", "ops2"));
        assertEquals("safe", r.verdict());
        PlanReport broken = Plans.run(policy.replace("accounts: [{permission: acct@fresh, weight: 1}]", "accounts: [{permission: acct@sub, weight: 1}]"),
                "quorate: 1\naccount: acct\nsteps:\n  - {id: drop, op: deleteauth, permission: sub, authorization: acct@ops, signatures: [ops]}\n");
        assertEquals("unsafe", broken.verdict(), broken.steps().toString());
        assertEquals("drop", broken.firstProblem().step().label());
    }
}
