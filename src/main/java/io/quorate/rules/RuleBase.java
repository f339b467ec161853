package io.quorate.rules;

import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.declarationOf;
import static org.drools.model.PatternDSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.model.Index;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rules of a compiled policy: one per authority, each stating the authority in its conditions,
 * built straight into a KieBase with Drools' executable model (Java lambdas: no DRL parsing, no
 * code generation) and rendered as DRL from the same {@link Condition conditions} on request.
 */
public final class RuleBase {

    /** The rules' package, in the KieBase and in the rendered DRL. */
    public static final String PACKAGE = "io.quorate.rules.policy";

    /** The alpha index of {@code target}: every rule's first condition, so dispatch is one hash lookup. */
    private static final int TARGET_INDEX = 0;

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final Map<Chain, ChainRules<?>> CHAINS = (Map) ChainServices.load(ChainRules.class, ChainRules::chain);

    private final CompiledPolicy policy;
    private final List<AuthorityRule<?>> rules;
    private final KieBase kieBase;

    private RuleBase(CompiledPolicy policy, List<AuthorityRule<?>> rules, KieBase kieBase) {
        this.policy = policy;
        this.rules = rules;
        this.kieBase = kieBase;
    }

    public static RuleBase build(CompiledPolicy policy) {
        List<AuthorityRule<?>> rules = new ArrayList<>(policy.programs().size());
        for (Program p : policy.programs()) rules.add(ruleOf(policy, p, CHAINS.get(p.chain())));
        ModelImpl model = new ModelImpl();
        for (AuthorityRule<?> r : rules) model.addRule(executable(r));
        return new RuleBase(policy, List.copyOf(rules), KieBaseBuilder.createKieBaseFromModel(model));
    }

    static java.util.Collection<ChainRules<?>> chains() {
        return CHAINS.values();
    }

    static ChainRules<?> chainRules(Chain chain) {
        return CHAINS.get(chain);
    }

    private static <T extends AuthorityCheck> AuthorityRule<T> ruleOf(CompiledPolicy policy, Program p, ChainRules<T> chain) {
        return new AuthorityRule<>(p, chain.fact(), chain.conditions(policy, p));
    }

    /**
     * Each expression id carries the rule's target: Drools treats constraints with equal ids as
     * the same node, so an id that left out the constant would let two authorities fire together.
     * The conditions after it hang below the target's own node, numbered within the rule.
     */
    private static <T extends AuthorityCheck> Rule executable(AuthorityRule<T> r) {
        Variable<T> check = declarationOf(r.fact(), "$c");
        int target = r.program().id();
        PatternDSL.PatternDef<T> pattern = pattern(check).expr("target == " + target, c -> c.getTarget() == target,
                alphaIndexedBy(int.class, Index.ConstraintType.EQUAL, TARGET_INDEX, AuthorityCheck::getTarget, target));
        int k = 0;
        for (Condition<T> condition : r.conditions()) {
            pattern = pattern.expr("target == " + target + " #" + k++, condition.test());
        }
        return rule(PACKAGE, r.name()).build(pattern, on(check).execute(AuthorityCheck::grant));
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * The same rules run by {@code other}, a KieBase built another way from them (the rendered DRL
     * through the classic compiler, which the tests hold to deciding as the executable rules do).
     */
    public RuleBase runBy(KieBase other) {
        return new RuleBase(policy, rules, other);
    }

    public List<AuthorityRule<?>> rules() {
        return rules;
    }

    /** The rules as DRL: the same rules, conditions and constants that were built. */
    public String drl() {
        return DrlRenderer.render(policy, rules);
    }
}
