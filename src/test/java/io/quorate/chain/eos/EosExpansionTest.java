package io.quorate.chain.eos;

import static io.quorate.analysis.BundledPoliciesTest.assertFigures;
import static io.quorate.analysis.BundledPoliciesTest.capability;
import static io.quorate.analysis.TestPolicies.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.analysis.Figures;
import io.quorate.analysis.TestPolicies;
import io.quorate.keys.KeyId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EosExpansionTest {

    @Test
    void nested_accounts_are_followed_to_the_depth_limit_only() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 4, """
                accounts:
                  alice:
                    chain: eos
                    options: {max_authority_depth: 2}
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k0, weight: 1}]
                        accounts: [{permission: bob@active, weight: 1}]
                  bob:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:
                        threshold: 1
                        keys: [{key: k2, weight: 1}]
                        accounts: [{permission: carol@active, weight: 1}]
                  carol:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k3, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k3, weight: 1}]}
                """));
        AuthorityAnalysis active = a.authority("alice", "active");
        // carol@active would be depth 3 from alice@active: it adds nothing there
        assertEquals(List.of("k0", "k2"), active.keys().stream().map(k -> k.label()).toList());
        assertFigures(active.figures(), 2, 0, 2);
        assertEquals("bob@active -> carol@active DEPTH_EXCEEDED", problems(a));
        // from bob, carol is depth 2: followed
        assertEquals(List.of("k2", "k3"), a.authority("bob", "active").keys().stream().map(k -> k.label()).toList());
        assertFigures(a.authority("bob", "active").figures(), 1, 1, 1);
    }

    @Test
    void a_reference_back_into_the_chain_adds_nothing() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 3, """
                accounts:
                  alice:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k0, weight: 1}]
                        accounts: [{permission: bob@active, weight: 1}]
                  bob:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:
                        threshold: 1
                        keys: [{key: k1, weight: 1}]
                        accounts: [{permission: alice@active, weight: 1}]
                """));
        assertFigures(a.authority("alice", "active").figures(), 2, 0, 2);
        assertFigures(a.authority("bob", "active").figures(), 1, 0, 1);
        assertEquals("bob@active -> alice@active CYCLE\nalice@active -> bob@active CYCLE", problems(a));
    }

    @Test
    void missing_and_cross_chain_references_add_nothing() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 2, """
                accounts:
                  alice:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active:
                        threshold: 3
                        keys: [{key: k0, weight: 1}]
                        accounts:
                          - {permission: nobody@active, weight: 1}
                          - {permission: alice@claim, weight: 1}
                          - {permission: vault@active, weight: 1}
                  vault:
                    chain: generic
                    authorities:
                      active: {threshold: 1, keys: [{key: g1, weight: 1}]}
                """));
        AuthorityAnalysis active = a.authority("alice", "active");
        assertFalse(active.figures().satisfiable());
        assertEquals("can never be satisfied: total weight 1 of threshold 3",
                Analysis.describe(active.figures(), active.keys(), active.formula()));
        assertEquals("alice@active -> nobody@active OUTSIDE_POLICY\nalice@active -> alice@claim DANGLING\n"
                + "alice@active -> vault@active CROSS_CHAIN", problems(a));
    }

    @Test
    void a_permission_that_needs_a_wait_is_wait_only() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 2, """
                accounts:
                  alice:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k1, weight: 1}]
                        waits: [{seconds: 3600, weight: 1}]
                """));
        AuthorityAnalysis active = a.authority("alice", "active");
        assertTrue(active.waitOnly());
        assertEquals(new Figures(-1, -1, -1, true), active.figures());
        assertFalse(a.authority("alice", "owner").waitOnly());
    }

    @Test
    void funds_follow_the_transfer_link_and_its_ancestors() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 3, """
                accounts:
                  alice:
                    chain: eos
                    permissions:
                      owner: {threshold: 2, keys: [{key: k0, weight: 1}, {key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      pay: {parent: active, threshold: 1, keys: [{key: k2, weight: 1}]}
                    links: {eosio.token::transfer: pay}
                  bob:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k1, weight: 1}]}
                    links: {eosio.token::*: eosio.any}
                """));
        CapabilityAnalysis funds = capability(a, "alice", "funds");
        assertEquals(List.of("pay", "active", "owner"), funds.grantedBy());
        // k2 or k1 alone; to lock: k2 and k1 (owner then needs k1 too)
        assertFigures(funds.figures(), 1, 1, 1);
        assertEquals(List.of("owner"), capability(a, "alice", "keys").grantedBy());
        assertEquals(List.of("owner", "active"), capability(a, "bob", "funds").grantedBy());
    }

    @Test
    void a_key_met_directly_and_through_an_account_is_one_key() {
        Analysis a = Analysis.of(TestPolicies.load("eos", 3, """
                accounts:
                  alice:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active:
                        threshold: 2
                        keys: [{key: k0, weight: 1}, {key: k1, weight: 1}]
                        accounts: [{permission: bob@active, weight: 1}]
                  bob:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                      active: {threshold: 2, keys: [{key: k0, weight: 1}, {key: k2, weight: 1}]}
                """));
        AuthorityAnalysis active = a.authority("alice", "active");
        assertEquals(3, active.keys().size());
        // {k0, k1}, or {k0, k2} (k0 direct + bob): 2 keys; losing k0 leaves only k1 (bob needs k0): 1 key locks it
        assertFigures(active.figures(), 2, 0, 2);
        KeyId k0 = active.keys().get(0).id();
        KeyId k2 = active.keys().get(2).id();
        assertTrue(a.satisfiedBy("alice", "active", Set.of(k0, k2)));
        assertFalse(a.satisfiedBy("alice", "active", Set.of(k2)));
        assertFalse(a.satisfiedBy("alice", "nothing", Set.of(k0, k2)));
    }
}
