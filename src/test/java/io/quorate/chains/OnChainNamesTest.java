package io.quorate.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.engine.Authorizer;
import io.quorate.engine.Decision;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.TransactionLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions may name accounts and FT4 descriptors by their on-chain ids; both evaluators resolve them alike. */
class OnChainNamesTest {

    static final PolicySet POLICY = load();

    static PolicySet load() {
        try {
            return PolicyLoader.load(List.of(Path.of("policies")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Decision> decide(String yaml) throws Exception {
        var tx = TransactionLoader.load("tx.yaml", yaml).get(0);
        Authorizer engine = Quorate.prepare(POLICY);
        Decision d = engine.authorize(tx);
        Decision r = new ReferenceEvaluator(POLICY).authorize(tx);
        return List.of(d, r);
    }

    @Test
    void an_ft4_account_and_descriptor_named_by_their_tutorial_ids_are_found() throws Exception {
        for (Decision d : decide("""
                account: 885a6648772ab9615ccd88d25201402f734b43ef20da959623591b0dca5098c5
                action: transfer
                auth_descriptor: CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5
                signatures: [alice, bob]
                """)) {
            assertTrue(d.allowed(), d.toString());
            assertEquals("company@owners", d.satisfiedBy());
        }
    }

    @Test
    void dans_descriptor_named_by_its_id_is_still_time_locked() throws Exception {
        for (Decision d : decide("""
                account: company
                action: transfer
                auth_descriptor: x"C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E"
                signatures: [dan]
                context: {block_height: 1000}
                """)) {
            assertTrue(d.hasReason("descriptor-not-yet-valid"), d.toString());
            assertEquals("company@dan", d.required());
        }
    }

    @Test
    void a_casper_account_named_by_its_account_hash_or_public_key_is_found() throws Exception {
        for (String account : List.of("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7",
                "01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986")) {
            for (Decision d : decide("account: " + account + "\naction: deploy\nsignatures: [primary]\n")) {
                assertTrue(d.allowed(), d.toString());
                assertEquals("casper-primary", d.account());
            }
        }
    }

    @Test
    void an_unknown_id_is_an_unknown_account() throws Exception {
        for (Decision d : decide("account: 00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF\naction: transfer\nsignatures: [alice]\n")) {
            assertTrue(d.hasReason("unknown-account"), d.toString());
        }
    }
}
