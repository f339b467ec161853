package io.quorate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.TransactionLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Webs of generic references that once made one decision run without bound: diamonds are
 * evaluated once per authority and depth, and what still needs too much work is denied.
 * (The time bound is only a guard against a hang; speed is measured in benchmarks.)
 */
class ReferenceWebsTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** Layer i has authorities a and b, both needing both authorities of layer i + 1; the last layer needs key k. */
    private static String diamond(int layers) {
        StringBuilder y = new StringBuilder("quorate: 1\nkeys: {k: \"gk-1\", other: \"gk-2\"}\naccounts:\n");
        for (int i = 0; i <= layers; i++) {
            y.append("  l").append(i).append(":\n    chain: generic\n    options: {max_depth: ").append(layers + 2).append("}\n    authorities:\n");
            for (String name : new String[] {"a", "b"}) {
                if (i == layers) {
                    y.append("      ").append(name).append(": {threshold: 1, keys: [{key: k, weight: 1}]}\n");
                } else {
                    y.append("      ").append(name).append(": {threshold: 2, accounts: [{account: \"l").append(i + 1)
                            .append("@a\", weight: 1}, {account: \"l").append(i + 1).append("@b\", weight: 1}]}\n");
                }
            }
            y.append("    actions: {go: a}\n");
        }
        return y.toString();
    }

    private static Decision decide(String policy, String signer) throws Exception {
        PreparedPolicy prepared = Quorate.prepare(PolicyLoader.load("web.yaml", policy));
        return prepared.authorize(TransactionLoader.load("tx.yaml", "account: l0\naction: go\nsignatures: [" + signer + "]\n").get(0));
    }

    @Test
    void a_forty_layer_diamond_decides() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertTrue(decide(diamond(40), "k").allowed());
            Decision denied = decide(diamond(40), "other");
            assertFalse(denied.allowed());
            assertTrue(denied.hasReason(ReasonCode.UNSATISFIED_AUTHORITY), denied.toString());
        });
    }

    @Test
    void a_twenty_authority_clique_is_decided_or_denied_within_its_budget() {
        StringBuilder y = new StringBuilder("quorate: 1\nkeys: {k: \"gk-1\"}\naccounts:\n  l0:\n    chain: generic\n    authorities:\n");
        for (int i = 0; i < 20; i++) {
            y.append("      c").append(i).append(": {threshold: 20, keys: [{key: k, weight: 1}], accounts: [");
            for (int j = 0; j < 20; j++) {
                if (j != i) y.append(j == 0 || (i == 0 && j == 1) ? "" : ", ").append("{account: \"l0@c").append(j).append("\", weight: 1}");
            }
            y.append("]}\n");
        }
        y.append("    actions: {go: c0}\n");
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Decision d = decide(y.toString(), "k");
            assertFalse(d.allowed());
            assertEquals(ReasonCode.EVALUATION_LIMIT, d.reasons().get(0).code(), d.toString());
        });
    }

    @Test
    void a_passed_deadline_denies() throws Exception {
        PreparedPolicy prepared = Quorate.prepare(PolicyLoader.load("web.yaml", diamond(3)));
        Decision d = prepared.authorize(TransactionLoader.load("tx.yaml", "account: l0\naction: go\nsignatures: [k]\n").get(0),
                System.nanoTime() - 1);
        assertTrue(d.hasReason(ReasonCode.EVALUATION_LIMIT), d.toString());
    }

    /** A remembered reference marks every signature its evaluation used, even one already marked the first time. */
    @Test
    void a_remembered_reference_marks_what_it_used() throws Exception {
        String policy = """
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: "gk-0", weight: 1}, {key: "gk-1", weight: 0}, {key: "gk-3", weight: 1}, {key: "gk-5", weight: 1}]}
                      spend: {threshold: 0, keys: [{key: "gk-4", weight: 3}, {key: "gk-3", weight: 1}, {key: "gk-5", weight: 2}], accounts: [{account: "vault@spend", weight: 3}, {account: "vault@admin", weight: 0}], parent: "admin"}
                      audit: {threshold: 7, keys: [{key: "gk-1", weight: 2}, {key: "gk-3", weight: 3}], accounts: [{account: "vault@admin", weight: 1}, {account: "vault@spend", weight: 1}], parent: "spend"}
                """;
        var set = PolicyLoader.load("p.yaml", policy);
        var tx = TransactionLoader.load("tx.yaml", "account: vault\naction: audit\nsignatures: [gk-1, gk-0, gk-5]\n").get(0);
        Decision engine = Quorate.prepare(set).authorize(tx);
        Decision reference = new io.quorate.reference.ReferenceEvaluator(set).authorize(tx);
        assertEquals(reference.usedKeys(), engine.usedKeys());
        assertEquals(java.util.List.of("gk-1", "gk-0", "gk-5"), engine.usedKeys());
    }
}
