package io.quorate.chain.ft4;

import static io.quorate.analysis.BundledPoliciesTest.assertFigures;
import static io.quorate.analysis.BundledPoliciesTest.capability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.analysis.TestPolicies;
import io.quorate.diag.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasperFt4ExpansionTest {

    @Test
    void casper_weights_saturate_and_every_action_needs_deployment() {
        Analysis a = Analysis.of(TestPolicies.load("casper", 3, """
                accounts:
                  big:
                    chain: casper
                    keys: [{key: k0, weight: 200}, {key: k1, weight: 200}, {key: k2, weight: 0}]
                    thresholds: {deployment: 255, key_management: 1, upgrade_management: 1}
                  free:
                    chain: casper
                    options: {version: 1}
                    keys: [{key: k0, weight: 1}]
                    thresholds: {deployment: 0, key_management: 0}
                """));
        assertFigures(a.authority("big", "deployment").figures(), 2, 0, 2);
        // key management 1 would be one key, but deployment 255 comes first
        assertFigures(a.authority("big", "key_management").figures(), 2, 0, 2);
        // threshold 0, yet a deploy carries at least one approval by an associated key
        assertFigures(a.authority("free", "deployment").figures(), 1, 0, 1);
        assertEquals(null, a.authority("free", "upgrade_management"));
        assertEquals(List.of("big funds", "big keys", "big upgrade", "free funds", "free keys"),
                a.capabilities().stream().map(c -> c.account() + " " + c.capability()).toList());
    }

    @Test
    void ft4_descriptors_single_and_multi() {
        Analysis a = Analysis.of(TestPolicies.load("ft4", 4, """
                accounts:
                  co:
                    chain: ft4
                    auth_descriptors:
                      board: {main: true, signers: [k0, k1, k2], signatures_required: 3, flags: [A, T]}
                      solo: {signers: [k3], flags: [T]}
                      never: {signers: [k3], flags: [A], rules: ["and", [lt, block_height, 5], [gt, block_height, 10]]}
                      unused: {signers: [k0], flags: [T], rules: [lt, op_count, 1]}
                      later: {signers: [k1], flags: [A], rules: ["and", [ge, op_count, 3], [le, op_count, 3], [gt, block_time, 1]]}
                """));
        assertFigures(a.authority("co", "board").figures(), 3, 0, 3);
        assertFigures(a.authority("co", "solo").figures(), 1, 0, 1);
        assertFalse(a.authority("co", "never").figures().satisfiable());
        assertFalse(a.authority("co", "unused").figures().satisfiable());
        assertFigures(a.authority("co", "later").figures(), 1, 0, 1);
        CapabilityAnalysis funds = capability(a, "co", "funds");
        assertEquals(List.of("board", "solo", "unused"), funds.grantedBy());
        // k3 alone; to lock: k3 and one board member
        assertFigures(funds.figures(), 1, 1, 1);
        assertEquals(List.of("board", "never", "later"), capability(a, "co", "keys").grantedBy());
        assertFigures(capability(a, "co", "keys").figures(), 1, 0, 1);
    }

    @Test
    void ft4_rules_that_no_moment_satisfies() {
        SourceLocation at = SourceLocation.ofFile("x");
        assertTrue(neverHolds(new Ft4Rule.Comparison("lt", "op_count", 1, at)));
        assertTrue(neverHolds(new Ft4Rule.Comparison("lt", "block_height", 0, at)));
        assertTrue(neverHolds(new Ft4Rule.Comparison("gt", "block_time", Long.MAX_VALUE, at)));
        // the lint's reason names the comparison no long satisfies
        assertEquals("`[gt, block_height, 9223372036854775807]`: no `block_height` satisfies it",
                new Ft4Rule.Comparison("gt", "block_height", Long.MAX_VALUE, at).whyNeverHolds(java.time.LocalDate.of(2026, 1, 1)));
        assertEquals(null, new Ft4Rule.Comparison("ge", "block_height", Long.MAX_VALUE, at).whyNeverHolds(java.time.LocalDate.of(2026, 1, 1)));
        assertTrue(neverHolds(new Ft4Rule.And(List.of(new Ft4Rule.Comparison("eq", "op_count", 2, at),
                new Ft4Rule.Comparison("eq", "op_count", 3, at)), at)));
        assertFalse(neverHolds(new Ft4Rule.And(List.of(new Ft4Rule.Comparison("lt", "block_height", 5, at),
                new Ft4Rule.Comparison("gt", "block_time", 10, at)), at)));
        assertFalse(neverHolds(new Ft4Rule.Comparison("le", "op_count", 1, at)));
    }

    /** As the analysis asks it: whether no moment from the epoch on lets the rules hold. */
    private static boolean neverHolds(Ft4Rule rule) {
        return rule.whyNeverHolds(java.time.LocalDate.EPOCH) != null;
    }
}
