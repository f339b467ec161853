package io.quorate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DescriptionTest {

    static String describe(AuthorityAnalysis a) {
        return Analysis.describe(a.figures(), a.keys(), a.formula());
    }

    @Test
    void flat_equal_weights_read_as_any_n_of() {
        Analysis a = Analysis.of(TestPolicies.load("generic", 0, """
                accounts:
                  v:
                    chain: generic
                    authorities:
                      two: {threshold: 2, keys: [{key: alice, weight: 1}, {key: bob, weight: 1}, {key: eve, weight: 1}]}
                      tiers: {threshold: 40, keys: [{key: alice, weight: 25}, {key: bob, weight: 10}, {key: eve, weight: 10}, {key: dan, weight: 5}]}
                      none: {threshold: 5, keys: [{key: alice, weight: 1}, {key: bob, weight: 2}]}
                      open: {threshold: 0, keys: [{key: alice, weight: 1}]}
                """));
        assertEquals("any 2 of alice, bob, eve — survives the loss of 1 key; 2 keys can act", describe(a.authority("v", "two")));
        assertEquals("weights alice 25, bob 10, eve 10, dan 5, threshold 40 — survives the loss of 0 keys; 3 keys can act",
                describe(a.authority("v", "tiers")));
        assertEquals("can never be satisfied: total weight 3 of threshold 5", describe(a.authority("v", "none")));
        assertEquals("always satisfied: no signature is needed", describe(a.authority("v", "open")));
    }

    @Test
    void keys_of_one_holder_are_named() {
        Analysis a = Analysis.of(TestPolicies.load("""
                quorate: 1
                keys:
                  laptop: {key: kl, holder: ann}
                  phone: {key: kp, holder: ann}
                  bob: {key: kb}
                accounts:
                  v:
                    chain: generic
                    authorities:
                      two: {threshold: 2, keys: [{key: laptop, weight: 1}, {key: phone, weight: 1}, {key: bob, weight: 1}]}
                """));
        assertEquals("any 2 of laptop, phone, bob — survives the loss of 1 key; 2 keys can act, held by 1 holder",
                describe(a.authority("v", "two")));
    }
}
