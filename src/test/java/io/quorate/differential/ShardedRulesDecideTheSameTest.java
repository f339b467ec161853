package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.PolicyCompiler;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.report.DecisionJson;
import io.quorate.rules.ClassicDrl;
import io.quorate.rules.RuleBase;
import io.quorate.rules.SplitRules;
import io.quorate.transaction.Transaction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules split into several KieBases decide every generated transaction exactly as one KieBase
 * holding them all, whatever the split (a check reaches the KieBase of its target, nested checks
 * cross between KieBases), and the rendering of split rules still builds into rules that decide the same.
 */
class ShardedRulesDecideTheSameTest {

    private static final int POLICIES_PER_CHAIN = 12;

    @ParameterizedTest
    @ValueSource(strings = {"eos", "hive", "casper", "ft4", "generic"})
    void split_rules_decide_like_one_rule_base(String chain) {
        Random random = new Random(chain.hashCode() * 17L + 3);
        int compared = 0;
        for (int i = 0; i < POLICIES_PER_CHAIN; i++) {
            PolicyCase c = RandomPolicies.sample(chain, random);
            CompiledPolicy compiled = PolicyCompiler.compile(Differential.load(c));
            List<Transaction> txs = Differential.transactions(c);
            PreparedPolicy whole = new PreparedPolicy(compiled, SplitRules.build(compiled, Integer.MAX_VALUE));
            int size = 1 + random.nextInt(3);
            RuleBase split = SplitRules.build(compiled, size);
            assertEquals((compiled.programs().size() + size - 1) / size, split.shards());
            PreparedPolicy sharded = new PreparedPolicy(compiled, split);
            PreparedPolicy rendered = i % 3 == 0 ? new PreparedPolicy(compiled, split.runBy(ClassicDrl.build(split.drl()))) : null;
            for (Transaction tx : txs) {
                Decision a = whole.authorize(tx);
                same(a, sharded.authorize(tx), "split into shards of " + size, c, split);
                if (rendered != null) same(a, rendered.authorize(tx), "rendered from shards of " + size, c, split);
            }
            compared += txs.size();
        }
        assertTrue(compared >= POLICIES_PER_CHAIN * 20, "compared only " + compared + " transactions");
    }

    private static void same(Decision a, Decision b, String how, PolicyCase c, RuleBase split) {
        List<String> fields = Differential.differences(a, b);
        if (!fields.isEmpty()) {
            throw new AssertionError("rules " + how + " decide differently on " + fields + "\n--- policy\n" + c.policyYaml()
                    + "\n--- one rule base\n" + DecisionJson.line(a) + "\n--- " + how + "\n" + DecisionJson.line(b)
                    + "\n--- drl\n" + split.drl());
        }
    }
}
