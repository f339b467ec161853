package io.quorate.rules;

import static org.drools.model.DSL.execute;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.declarationOf;
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
import org.drools.model.functions.Predicate1;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.conf.KieBaseMutabilityOption;

/**
 * The rules of a compiled policy: one per authority, each stating the authority in its conditions,
 * built straight into KieBases with Drools' executable model (Java lambdas: no DRL parsing, no
 * code generation) and rendered as DRL from the same {@link Condition conditions} on request.
 * The rules are split by target into shards of at most {@link #SHARD_SIZE} authorities, each its
 * own KieBase; a check is judged by the shard that holds its target's rule.
 */
public final class RuleBase {

    /** The rules' package, in the KieBases and in the rendered DRL. */
    public static final String PACKAGE = "io.quorate.rules.policy";

    /**
     * Authorities per KieBase. Drools' cost of adding a rule grows with the rules already in its
     * KieBase (node and segment bookkeeping over the whole network), and a KieBase under
     * construction holds its builder's garbage until it is done: in bounded shards built one after
     * another, a 100,000-account policy builds in time linear in its size and its transient garbage
     * dies shard by shard. A check finds its shard by its target alone, so the split changes no
     * decision; 8,192 authorities (about 3,000 accounts) keep a small policy in one KieBase.
     */
    public static final int SHARD_SIZE = 8_192;

    /**
     * The consequence of every rule: none, as the rule's firing is the grant (a session judges one
     * check at a time, and only the rule of the check's target can match it). A consequence that
     * names no fact is what makes sessions without Drools' thread-safety safe to run side by side:
     * one that names its fact is handed it through an array the rule keeps in the shared KieBase.
     */
    private static final org.drools.model.functions.Block0 GRANTED = () -> {
    };

    /** The alpha index of {@code target}: every rule's first condition, so dispatch is one hash lookup. */
    private static final int TARGET_INDEX = 0;

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final Map<Chain, ChainRules<?>> CHAINS = (Map) ChainServices.load(ChainRules.class, ChainRules::chain);

    private final CompiledPolicy policy;
    private final List<AuthorityRule<?>> rules;
    private final KieBase[] shards;
    /** Authorities per shard: {@link #SHARD_SIZE}, or every one when all rules run in one KieBase. */
    private final int shardSize;

    private RuleBase(CompiledPolicy policy, List<AuthorityRule<?>> rules, KieBase[] shards, int shardSize) {
        this.policy = policy;
        this.rules = rules;
        this.shards = shards;
        this.shardSize = shardSize;
    }

    public static RuleBase build(CompiledPolicy policy) {
        return build(policy, SHARD_SIZE);
    }

    /** As {@link #build(CompiledPolicy)} with {@code shardSize} authorities per shard (tests split small policies). */
    static RuleBase build(CompiledPolicy policy, int shardSize) {
        List<Program> programs = policy.programs();
        List<AuthorityRule<?>> rules = new ArrayList<>(programs.size());
        for (Program p : programs) rules.add(ruleOf(policy, p, CHAINS.get(p.chain())));
        KieBase[] shards = new KieBase[Math.max(1, (rules.size() + shardSize - 1) / shardSize)];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = kieBase(rules.subList(s * shardSize, Math.min(rules.size(), (s + 1) * shardSize)));
        }
        return new RuleBase(policy, List.copyOf(rules), shards, shardSize);
    }

    /** One shard's KieBase: its model and the builder's working state are garbage once it returns. */
    private static KieBase kieBase(List<AuthorityRule<?>> rules) {
        ModelImpl model = new ModelImpl();
        for (AuthorityRule<?> r : rules) model.addRule(executable(r));
        // Never changed once built: Drools need not keep what incremental changes would need.
        return KieBaseBuilder.createKieBaseFromModel(model, KieBaseMutabilityOption.DISABLED);
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
     * The conditions after it hang below the target's own node as one constraint (see {@link #allOf}).
     */
    private static <T extends AuthorityCheck> Rule executable(AuthorityRule<T> r) {
        Variable<T> check = declarationOf(r.fact(), "$c");
        int target = r.program().id();
        PatternDSL.PatternDef<T> pattern = pattern(check).expr("target == " + target, c -> c.getTarget() == target,
                alphaIndexedBy(int.class, Index.ConstraintType.EQUAL, TARGET_INDEX, AuthorityCheck::getTarget, target));
        if (!r.conditions().isEmpty()) pattern = pattern.expr("target == " + target + " conditions", allOf(r.conditions()));
        return rule(PACKAGE, r.name()).build(pattern, execute(GRANTED));
    }

    /**
     * The rule's conditions as one constraint that tests them in the order they are stated, the
     * first that fails deciding, exactly as a chain of constraints would. Drools keeps about
     * half a kilobyte per alpha node (its sinks, rule associations and constraint wrappers), and a
     * check reaching the rule visits one node instead of one per condition.
     */
    @SuppressWarnings("unchecked")
    private static <T extends AuthorityCheck> Predicate1<T> allOf(List<Condition<T>> conditions) {
        if (conditions.size() == 1) return conditions.get(0).test();
        Predicate1<T>[] tests = conditions.stream().map(Condition::test).toArray(Predicate1[]::new);
        return check -> {
            for (Predicate1<T> test : tests) {
                if (!test.test(check)) return false;
            }
            return true;
        };
    }

    /** The KieBases the rules are split into, in the order of their targets. */
    public List<KieBase> kieBases() {
        return List.of(shards);
    }

    /** How many KieBases the rules are split into. */
    public int shards() {
        return shards.length;
    }

    /** The shard that holds the rule of authority {@code target}. */
    public int shardOf(int target) {
        return target / shardSize;
    }

    /** The KieBase of shard {@code shard}. */
    public KieBase kieBase(int shard) {
        return shards[shard];
    }

    /**
     * The same rules run by {@code other}, one KieBase built another way from all of them (the
     * rendered DRL through the classic compiler, which the tests hold to deciding as the executable
     * rules do). Each rule judges only the checks aimed at its own authority, so one KieBase holding
     * every rule decides as the shards do.
     */
    public RuleBase runBy(KieBase other) {
        return new RuleBase(policy, rules, new KieBase[] {other}, Integer.MAX_VALUE);
    }

    public List<AuthorityRule<?>> rules() {
        return rules;
    }

    /** The rules as DRL: the same rules, conditions and constants that were built. */
    public String drl() {
        return DrlRenderer.render(policy, rules, shardSize);
    }
}
