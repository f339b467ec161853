package io.quorate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of the policies shipped in {@code policies/}. */
public class BundledPoliciesTest {

    public static void assertFigures(Figures f, int minSigners, int maxKeyLoss, int minHolders) {
        assertEquals(new Figures(minSigners, maxKeyLoss, minHolders, true), f);
    }

    public static CapabilityAnalysis capability(Analysis a, String account, String name) {
        return a.capabilities().stream().filter(c -> c.account().equals(account) && c.capability().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void hive_active_needs_two_25s_and_locks_after_both_25s_and_two_10s() {
        Analysis a = Analysis.of(TestPolicies.bundled("hive-test-auth.yaml"));
        AuthorityAnalysis active = a.authority("test.auth", "active");
        assertEquals(7, active.keys().size());
        // two 25s reach 40; losing ops_lead, treasurer and two members leaves 30 < 40
        assertFigures(active.figures(), 2, 3, 2);
        assertFigures(a.authority("test.auth", "owner").figures(), 1, 0, 1);
        assertEquals(List.of("owner", "active", "posting"), a.authorities().stream().map(AuthorityAnalysis::authority).toList());
        assertEquals(List.of("active"), capability(a, "test.auth", "funds").grantedBy());
        assertTrue(a.referenceProblems().isEmpty());
    }

    @Test
    void ft4_main_descriptor_is_two_of_three() {
        Analysis a = Analysis.of(TestPolicies.bundled("ft4-company.yaml"));
        assertFigures(a.authority("company", "owners").figures(), 2, 1, 2);
        // dan's rule holds once the block height passes its bound: usable, by dan alone
        assertFigures(a.authority("company", "dan").figures(), 1, 0, 1);
        CapabilityAnalysis funds = capability(a, "company", "funds");
        assertEquals(List.of("owners", "dan"), funds.grantedBy());
        assertFigures(funds.figures(), 1, 2, 1);
        assertFigures(capability(a, "company", "keys").figures(), 2, 1, 2);
    }

    @Test
    void casper_primary_alone_deploys_and_manages_keys() {
        Analysis a = Analysis.of(TestPolicies.bundled("casper-multisig.yaml"));
        // deployment 2: primary (3) alone; losing primary and one user leaves 1 < 2
        assertFigures(a.authority("casper-primary", "deployment").figures(), 1, 1, 1);
        // key management 3: primary alone; losing primary leaves 2 < 3
        assertFigures(a.authority("casper-primary", "key_management").figures(), 1, 0, 1);
        // upgrade management defaults to 1 but every deploy needs deployment 2 first
        assertFigures(a.authority("casper-primary", "upgrade_management").figures(), 1, 1, 1);
        assertEquals(List.of("funds", "keys", "upgrade"),
                a.capabilities().stream().map(CapabilityAnalysis::capability).toList());
    }

    @Test
    void eos_multisig_needs_two_partners_through_their_permissions() {
        Analysis a = Analysis.of(TestPolicies.bundled("eos-mymultisig11.yaml"));
        AuthorityAnalysis active = a.authority("mymultisig11", "active");
        assertEquals(List.of("partner1_active", "partner2_active", "partner3_active"),
                active.keys().stream().map(k -> k.label()).toList());
        assertFigures(active.figures(), 2, 1, 2);
        assertFigures(a.authority("mymultisig11", "owner").figures(), 2, 1, 2);
        CapabilityAnalysis funds = capability(a, "mymultisig11", "funds");
        assertEquals(List.of("active", "owner"), funds.grantedBy());
        // locking funds takes two active keys and two owner keys
        assertFigures(funds.figures(), 2, 3, 2);
        assertFigures(capability(a, "mymultisig11", "keys").figures(), 2, 1, 2);
        assertTrue(a.referenceProblems().isEmpty());
    }

    @Test
    void generic_vault_spends_with_two_custodians_of_three_holders() {
        Analysis a = Analysis.of(TestPolicies.bundled("generic-vault.yaml"));
        assertFigures(a.authority("vault", "admin").figures(), 3, 0, 3);
        AuthorityAnalysis spend = a.authority("vault", "spend");
        assertFigures(spend.figures(), 2, 1, 2);
        assertEquals("any 2 of custodian_a, custodian_b, custodian_c — survives the loss of 1 key; 2 keys can act",
                Analysis.describe(spend.figures(), spend.keys(), spend.formula()));
        CapabilityAnalysis withdraw = capability(a, "vault", "withdraw");
        assertEquals(List.of("spend", "admin"), withdraw.grantedBy());
        assertFigures(withdraw.figures(), 2, 1, 2);
        assertFigures(capability(a, "vault", "*").figures(), 3, 0, 3);
    }
}
