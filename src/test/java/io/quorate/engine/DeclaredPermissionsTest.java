package io.quorate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An EOS action may declare several permissions; every one must be satisfied, by one signature set. */
class DeclaredPermissionsTest {

    static List<Decision> decide(String yaml) throws Exception {
        PolicySet policy = PolicyLoader.load(List.of(Path.of("policies")));
        Transaction tx = TransactionLoader.load("tx.yaml", yaml).get(0);
        assertEquals(2, tx.actions().size());
        return List.of(Quorate.prepare(policy).authorize(tx), new ReferenceEvaluator(policy).authorize(tx));
    }

    @Test
    void both_declared_permissions_satisfied_allow() throws Exception {
        for (Decision d : decide("""
                account: mymultisig11
                action: eosio.token::transfer
                authorization: [mymultisig11@active, partner11111@active]
                signatures: [partner1_active, partner2_active]
                """)) {
            assertTrue(d.allowed(), d.toString());
            assertEquals(List.of("partner1_active", "partner2_active"), d.usedKeys());
        }
    }

    @Test
    void one_unsatisfied_declared_permission_denies() throws Exception {
        for (Decision d : decide("""
                account: mymultisig11
                action: eosio.token::transfer
                authorization: [mymultisig11@active, partner33333@active]
                signatures: [partner1_active, partner2_active]
                """)) {
            assertTrue(d.hasReason("unsatisfied-authority"), d.toString());
            assertEquals("partner33333@active", d.required());
        }
    }

    @Test
    void an_action_declaring_only_another_accounts_permission_is_not_the_accounts() throws Exception {
        PolicySet policy = PolicyLoader.load(List.of(Path.of("policies")));
        Transaction tx = TransactionLoader.load("tx.yaml", """
                account: mymultisig11
                action: eosio.token::transfer
                authorization: partner11111@active
                signatures: [partner1_active]
                """).get(0);
        for (Decision d : List.of(Quorate.prepare(policy).authorize(tx), new ReferenceEvaluator(policy).authorize(tx))) {
            assertTrue(d.hasReason("irrelevant-authorization"), d.toString());
            assertEquals("mymultisig11", d.account());
        }
    }
}
