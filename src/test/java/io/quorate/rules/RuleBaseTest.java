package io.quorate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.TransactionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBaseTest {

    private static final String TWINS = """
            quorate: 1
            keys: {a: "gk-1", b: "gk-2"}
            accounts:
              left:
                chain: generic
                authorities:
                  one: {threshold: 1, keys: [{key: a, weight: 1}, {key: b, weight: 1}]}
                  two: {threshold: 2, keys: [{key: a, weight: 1}, {key: b, weight: 1}]}
                actions: {one: one, two: two}
              right:
                chain: generic
                authorities:
                  one: {threshold: 2, keys: [{key: a, weight: 1}, {key: b, weight: 1}]}
                  two: {threshold: 1, keys: [{key: a, weight: 1}, {key: b, weight: 1}]}
                actions: {one: one, two: two}
            """;

    private static boolean allowed(PreparedPolicy policy, String account, String action) throws Exception {
        return policy.authorize(TransactionLoader.load("tx.yaml",
                "account: " + account + "\naction: " + action + "\nsignatures: [a]\n").get(0)).allowed();
    }

    @Test
    void authorities_differing_only_in_a_constant_stay_apart() throws Exception {
        PreparedPolicy policy = Quorate.prepare(PolicyLoader.load("twins.yaml", TWINS));
        assertTrue(allowed(policy, "left", "one"));
        assertFalse(allowed(policy, "left", "two"));
        assertFalse(allowed(policy, "right", "one"));
        assertTrue(allowed(policy, "right", "two"));
    }

    @Test
    void every_authority_has_one_rule_that_states_its_threshold_and_entries() throws Exception {
        PreparedPolicy policy = Quorate.prepare(PolicyLoader.load("twins.yaml", TWINS));
        RuleBase rules = policy.rules();
        assertEquals(4, rules.rules().size());
        assertEquals(1, rules.shards());
        assertEquals(4, rules.kieBase(0).getKiePackage(RuleBase.PACKAGE).getRules().size());
        String drl = rules.drl();
        assertTrue(drl.contains("""
                rule "generic left@two"
                when
                    $c : GenericAuthorityCheck( target == 1,
                            tally(2, key(0, "a", 1), key(1, "b", 1)) )
                then
                    // granted
                end
                """), drl);
    }

    @Test
    void rendering_lists_rules_in_the_order_they_were_built() throws Exception {
        RuleBase rules = Quorate.prepare(PolicyLoader.load("twins.yaml", TWINS)).rules();
        List<String> names = rules.rules().stream().map(AuthorityRule::name).toList();
        assertEquals(List.of("generic left@one", "generic left@two", "generic right@one", "generic right@two"), names);
        int last = -1;
        for (String name : names) {
            int at = rules.drl().indexOf("rule \"" + name + "\"");
            assertTrue(at > last, name);
            last = at;
        }
    }

    @Test
    void split_rules_render_each_rule_base_in_target_order() throws Exception {
        io.quorate.compile.CompiledPolicy compiled = Quorate.prepare(PolicyLoader.load("twins.yaml", TWINS)).compiled();
        RuleBase rules = RuleBase.build(compiled, 3);
        assertEquals(2, rules.shards());
        assertEquals(0, rules.shardOf(2));
        assertEquals(1, rules.shardOf(3));
        assertEquals(3, rules.kieBase(0).getKiePackage(RuleBase.PACKAGE).getRules().size());
        assertEquals(1, rules.kieBase(1).getKiePackage(RuleBase.PACKAGE).getRules().size());
        String drl = rules.drl();
        assertTrue(drl.contains("// built as 2 rule bases of up to 3 authorities each"), drl);
        int first = drl.indexOf("// rule base 1 of 2: targets 0 to 2");
        int second = drl.indexOf("// rule base 2 of 2: targets 3 to 3");
        assertTrue(first >= 0 && second > drl.indexOf("rule \"generic right@one\"") && second < drl.indexOf("rule \"generic right@two\""), drl);
        PreparedPolicy split = new PreparedPolicy(compiled, rules);
        assertTrue(allowed(split, "left", "one"));
        assertFalse(allowed(split, "left", "two"));
        assertFalse(allowed(split, "right", "one"));
        assertTrue(allowed(split, "right", "two"));
    }
}
