package io.quorate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.TransactionLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A denial says what would help: the missing keys, or why there are none; mistyped names get the nearest one. */
class ExplanationsTest {

    private static Decision decide(String policy, String tx) throws Exception {
        return Quorate.prepare(PolicyLoader.load("p.yaml", policy)).authorize(TransactionLoader.load("tx.yaml", tx).get(0));
    }

    private static Decision bundled(String tx) throws Exception {
        return Quorate.load(List.of(Path.of("policies"))).authorize(TransactionLoader.load("tx.yaml", tx).get(0));
    }

    @Test
    void an_authority_its_entries_cannot_reach_says_so() throws Exception {
        Decision d = decide("""
                quorate: 1
                keys: {a: "gk-1", b: "gk-2"}
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 5, keys: [{key: a, weight: 1}, {key: b, weight: 2}]}
                """, "account: vault\naction: admin\nsignatures: [a]\n");
        assertEquals(List.of(), d.missing());
        assertTrue(d.reasons().get(0).message().contains("can never be reached: its entries add up to at most 3 of threshold 5"),
                d.reasons().get(0).message());
    }

    @Test
    void a_denial_with_missing_keys_names_them_without_a_hint() throws Exception {
        Decision d = bundled("account: test.auth\naction: transfer\nsignatures: [ops_lead]\n");
        assertTrue(d.hasReason(ReasonCode.UNSATISFIED_AUTHORITY));
        assertTrue(!d.missing().isEmpty());
        assertTrue(!d.reasons().get(0).message().contains("never be reached"));
    }

    @Test
    void a_mistyped_account_gets_the_nearest_name() throws Exception {
        Decision d = bundled("account: test.auht\naction: transfer\nsignatures: [ops_lead]\n");
        assertTrue(d.hasReason(ReasonCode.UNKNOWN_ACCOUNT));
        assertTrue(d.reasons().get(0).message().contains("did you mean `test.auth`?"), d.reasons().get(0).message());
    }

    @Test
    void a_mistyped_key_name_gets_the_nearest_name() throws Exception {
        Decision d = bundled("account: test.auth\naction: transfer\nsignatures: [ops_laed]\n");
        assertTrue(d.hasReason(ReasonCode.UNKNOWN_KEY));
        assertTrue(d.reasons().get(0).message().contains("did you mean `ops_lead`?"), d.reasons().get(0).message());
    }

    @Test
    void a_mistyped_operation_gets_the_nearest_one() throws Exception {
        Decision d = bundled("account: test.auth\naction: tranfser\nsignatures: [ops_lead]\n");
        assertTrue(d.hasReason(ReasonCode.UNKNOWN_ACTION));
        assertTrue(d.reasons().get(0).message().contains("did you mean `transfer`?"), d.reasons().get(0).message());
    }

    @Test
    void keys_that_counted_before_the_chain_rolled_them_back_are_shown_apart() throws Exception {
        Decision d = bundled("account: mymultisig11\naction: eosio.token::transfer\nsignatures: [partner1_active]\n");
        assertTrue(d.hasReason(ReasonCode.UNSATISFIED_AUTHORITY), d.toString());
        assertEquals(List.of(), d.usedKeys());
        assertEquals(List.of("partner1_active"), d.unusedKeys());
        assertEquals(List.of("partner1_active"), d.countedKeys());
        assertTrue(io.quorate.report.DecisionJson.line(d).contains("\"counted_keys\":[\"partner1_active\"]"),
                io.quorate.report.DecisionJson.line(d));
    }
}
