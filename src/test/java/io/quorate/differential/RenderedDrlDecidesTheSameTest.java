package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.PolicyCompiler;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.report.DecisionJson;
import io.quorate.rules.ClassicDrl;
import io.quorate.rules.RuleBase;
import io.quorate.transaction.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code compile --emit-drl} shows is what runs: the rendered DRL, built by Drools' classic
 * compiler, decides every generated transaction exactly as the executable-model rules do.
 */
class RenderedDrlDecidesTheSameTest {

    private static final int POLICIES_PER_CHAIN = 25;

    @ParameterizedTest
    @ValueSource(strings = {"eos", "hive", "casper", "ft4", "generic"})
    void rendered_rules_decide_like_the_built_ones(String chain) {
        Random random = new Random(chain.hashCode() * 31L + 8);
        int compared = 0;
        for (int i = 0; i < POLICIES_PER_CHAIN; i++) {
            PolicyCase c = RandomPolicies.sample(chain, random);
            compared += compare(Differential.load(c), Differential.transactions(c), c.policyYaml());
        }
        assertTrue(compared >= POLICIES_PER_CHAIN * 20, "compared only " + compared + " transactions");
    }

    @Test
    void the_bundled_policies_render_to_rules_that_decide_the_same() throws Exception {
        PolicySet policy = PolicyLoader.load(List.of(Path.of("policies")));
        List<Transaction> txs = new java.util.ArrayList<>();
        for (Path p : java.nio.file.Files.list(Path.of("examples")).filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
            txs.addAll(io.quorate.transaction.TransactionLoader.load(p.toString(), java.nio.file.Files.readString(p)));
        }
        assertTrue(compare(policy, txs, "policies/") >= 28);
    }

    private static int compare(PolicySet policy, List<Transaction> txs, String source) {
        CompiledPolicy compiled = PolicyCompiler.compile(policy);
        RuleBase built = RuleBase.build(compiled);
        PreparedPolicy executable = new PreparedPolicy(compiled, built);
        PreparedPolicy rendered = new PreparedPolicy(compiled, built.runBy(ClassicDrl.build(built.drl())));
        for (Transaction tx : txs) {
            Decision a = executable.authorize(tx);
            Decision b = rendered.authorize(tx);
            List<String> fields = Differential.differences(a, b);
            if (!fields.isEmpty() || !perAction(a).equals(perAction(b))) {
                throw new AssertionError("the rendered DRL decides differently on " + fields + "\n--- policy\n" + source
                        + "\n--- executable\n" + DecisionJson.line(a) + "\n--- rendered\n" + DecisionJson.line(b)
                        + "\n--- drl\n" + built.drl());
            }
        }
        return txs.size();
    }

    /** Each action's outcome without the reason messages (a message may quote the clock). */
    private static List<String> perAction(Decision d) {
        return d.actions().stream().map(a -> a.decision() + " " + a.required() + " " + a.satisfiedBy() + " " + a.weight()
                + "/" + a.threshold() + " " + a.reasons().stream().map(io.quorate.engine.Reason::code).toList()).toList();
    }
}
