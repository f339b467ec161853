package io.quorate.chain.generic;

import static io.quorate.analysis.BundledPoliciesTest.assertFigures;
import static io.quorate.analysis.BundledPoliciesTest.capability;
import static io.quorate.analysis.TestPolicies.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.analysis.TestPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericExpansionTest {

    @Test
    void a_reference_is_satisfied_by_the_authority_or_its_parents() {
        Analysis a = Analysis.of(TestPolicies.load("""
                quorate: 1
                keys:
                  a: {key: ka, holder: ann}
                  b: {key: kb, holder: ann}
                  c: {key: kc, holder: cat}
                accounts:
                  ops:
                    chain: generic
                    authorities:
                      boss: {threshold: 1, keys: [{key: c, weight: 1}]}
                      spend: {parent: boss, threshold: 2, keys: [{key: a, weight: 1}, {key: b, weight: 1}]}
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, accounts: [{account: ops@spend, weight: 1}]}
                      pay: {parent: admin, threshold: 2, keys: [{key: a, weight: 1}, {key: c, weight: 1}]}
                    actions: {pay: pay}
                """));
        AuthorityAnalysis admin = a.authority("vault", "admin");
        assertEquals(List.of("a", "b", "c"), admin.keys().stream().map(k -> k.label()).toList());
        // c (ops@boss, the parent of ops@spend) alone; a and b belong to one holder
        assertFigures(admin.figures(), 1, 1, 1);
        assertFigures(a.authority("ops", "spend").figures(), 2, 0, 1);
        CapabilityAnalysis pay = capability(a, "vault", "pay");
        assertEquals(List.of("pay", "admin"), pay.grantedBy());
        // losing c leaves a and b (ops@spend): 2 losses lock it (c and a, or c and b)
        assertFigures(pay.figures(), 1, 1, 1);
        assertEquals("", problems(a));
    }

    @Test
    void depth_cycles_and_windows() {
        Analysis a = Analysis.of(TestPolicies.load("""
                quorate: 1
                accounts:
                  x:
                    chain: generic
                    options: {max_depth: 2}
                    authorities:
                      top: {threshold: 1, accounts: [{account: y@mid, weight: 1}]}
                      closed: {threshold: 1, keys: [{key: k9, weight: 1}], valid: {from: 2027-01-01T00:00:00Z, until: 2026-01-01T00:00:00Z}}
                  y:
                    chain: generic
                    authorities:
                      mid: {threshold: 1, keys: [{key: k1, weight: 1}], accounts: [{account: z@low, weight: 1}]}
                  z:
                    chain: generic
                    authorities:
                      low: {threshold: 1, keys: [{key: k2, weight: 1}], accounts: [{account: z@low, weight: 1}]}
                """));
        assertEquals(List.of("k1"), a.authority("x", "top").keys().stream().map(k -> k.label()).toList());
        assertEquals(List.of("k1", "k2"), a.authority("y", "mid").keys().stream().map(k -> k.label()).toList());
        assertFalse(a.authority("x", "closed").figures().satisfiable());
        assertEquals("y@mid -> z@low DEPTH_EXCEEDED\nz@low -> z@low CYCLE", problems(a));
    }
}
