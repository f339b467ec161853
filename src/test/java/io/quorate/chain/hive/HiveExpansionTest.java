package io.quorate.chain.hive;

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

class HiveExpansionTest {

    static final String PARTNER = """
              partner:
                chain: hive
                owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                active: {threshold: 1, keys: [{key: k2, weight: 1}]}
                posting: {threshold: 1, keys: [{key: k3, weight: 1}]}
            """;

    static List<String> labels(AuthorityAnalysis a) {
        return a.keys().stream().map(k -> k.label()).toList();
    }

    @Test
    void a_listed_account_stands_for_its_role_of_the_phase() {
        Analysis a = Analysis.of(TestPolicies.load("hive", 4, """
                accounts:
                  main:
                    chain: hive
                    owner: {threshold: 1, accounts: [{account: partner, weight: 1}]}
                    active: {threshold: 1, accounts: [{account: partner, weight: 1}]}
                    posting: {threshold: 2, keys: [{key: k0, weight: 1}], accounts: [{account: partner, weight: 1}]}
                """ + PARTNER));
        assertEquals(List.of("k2"), labels(a.authority("main", "owner")));
        assertEquals(List.of("k2"), labels(a.authority("main", "active")));
        assertEquals(List.of("k0", "k3"), labels(a.authority("main", "posting")));
        assertFigures(a.authority("main", "posting").figures(), 2, 0, 2);
    }

    @Test
    void only_the_first_forty_entries_can_count() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 45; i++) keys.append(i == 0 ? "" : ", ").append("{key: k").append(i).append(", weight: 1}");
        String account = """
                accounts:
                  many:
                    chain: hive
                    owner: {threshold: %d, keys: [%s]}
                    active: {threshold: 40, keys: [%s]}
                """;
        Analysis a = Analysis.of(TestPolicies.load("hive", 45, account.formatted(41, keys, keys)));
        assertEquals(40, a.authority("many", "active").keys().size());
        assertFigures(a.authority("many", "active").figures(), 40, 0, 40);
        assertFalse(a.authority("many", "owner").figures().satisfiable());
    }

    @Test
    void accounts_inside_a_depth_two_authority_are_not_followed() {
        Analysis a = Analysis.of(TestPolicies.load("hive", 4, """
                accounts:
                  root:
                    chain: hive
                    active: {threshold: 1, accounts: [{account: one, weight: 1}]}
                  one:
                    chain: hive
                    active: {threshold: 1, accounts: [{account: two, weight: 1}]}
                  two:
                    chain: hive
                    active: {threshold: 1, keys: [{key: k1, weight: 1}], accounts: [{account: three, weight: 1}]}
                  three:
                    chain: hive
                    active: {threshold: 1, keys: [{key: k3, weight: 1}]}
                """));
        assertEquals(List.of("k1"), labels(a.authority("root", "active")));
        assertEquals(List.of("k1", "k3"), labels(a.authority("one", "active")));
        assertEquals("two@active -> three@active DEPTH_EXCEEDED", problems(a));
    }

    @Test
    void threshold_zero_needs_no_signature_and_a_missing_role_nothing_can_satisfy() {
        Analysis a = Analysis.of(TestPolicies.load("hive", 2, """
                accounts:
                  open:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: k0, weight: 1}]}
                    active: {threshold: 0, keys: [{key: k1, weight: 1}]}
                """));
        assertFigures(a.authority("open", "active").figures(), 0, 1, 0);
        assertEquals(null, a.authority("open", "posting"));
        assertFalse(capability(a, "open", "posting").figures().satisfiable());
    }

    @Test
    void before_hardfork_28_higher_roles_stand_in_with_accounts_through_the_phase() {
        Analysis a = Analysis.of(TestPolicies.load("hive", 4, """
                accounts:
                  legacy:
                    chain: hive
                    options: {hardfork: 27}
                    owner: {threshold: 1, accounts: [{account: partner, weight: 1}]}
                    active: {threshold: 1, keys: [{key: k0, weight: 1}]}
                    posting: {threshold: 1, keys: [{key: k0, weight: 1}]}
                """ + PARTNER));
        CapabilityAnalysis posting = capability(a, "legacy", "posting");
        assertEquals(List.of("posting", "active", "owner"), posting.grantedBy());
        // the owner stands in for posting with partner's posting key, for funds with partner's active key
        assertEquals(List.of("k0", "k3"), posting.keys().stream().map(k -> k.label()).toList());
        assertEquals(List.of("k0", "k2"), capability(a, "legacy", "funds").keys().stream().map(k -> k.label()).toList());
        assertFigures(posting.figures(), 1, 1, 1);
    }
}
