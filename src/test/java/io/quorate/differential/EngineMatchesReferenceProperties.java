package io.quorate.differential;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The compiled Drools engine must decide every transaction exactly as the reference evaluator
 * does, field by field. Each try generates one policy (loaded from its YAML) and 40 to 60
 * transactions; a failure prints the policy, the transaction and both decisions as JSON.
 */
class EngineMatchesReferenceProperties {

    private static final int TRIES = 50;
    private static final ConcurrentHashMap<String, AtomicLong> CASES = new ConcurrentHashMap<>();

    @Property(tries = TRIES)
    void eos_engine_decides_like_the_reference(@ForAll("eos") PolicyCase c) {
        assertSameDecisions(c);
    }

    @Property(tries = TRIES)
    void hive_engine_decides_like_the_reference(@ForAll("hive") PolicyCase c) {
        assertSameDecisions(c);
    }

    @Property(tries = TRIES)
    void casper_engine_decides_like_the_reference(@ForAll("casper") PolicyCase c) {
        assertSameDecisions(c);
    }

    @Property(tries = TRIES)
    void ft4_engine_decides_like_the_reference(@ForAll("ft4") PolicyCase c) {
        assertSameDecisions(c);
    }

    @Property(tries = TRIES)
    void generic_engine_decides_like_the_reference(@ForAll("generic") PolicyCase c) {
        assertSameDecisions(c);
    }

    @Provide
    Arbitrary<PolicyCase> eos() {
        return RandomPolicies.cases("eos");
    }

    @Provide
    Arbitrary<PolicyCase> hive() {
        return RandomPolicies.cases("hive");
    }

    @Provide
    Arbitrary<PolicyCase> casper() {
        return RandomPolicies.cases("casper");
    }

    @Provide
    Arbitrary<PolicyCase> ft4() {
        return RandomPolicies.cases("ft4");
    }

    @Provide
    Arbitrary<PolicyCase> generic() {
        return RandomPolicies.cases("generic");
    }

    private static void assertSameDecisions(PolicyCase c) {
        List<Differential.Mismatch> mismatches = Differential.compare(c);
        CASES.computeIfAbsent(c.chain(), k -> new AtomicLong()).addAndGet(c.transactionYaml().size());
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + c.transactionYaml().size()
                    + " transactions decided differently; the first:\n" + mismatches.get(0).report());
        }
    }

    @AfterContainer
    static void reportCaseCount() {
        long total = CASES.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.println("differential cases (policy, transaction) per chain: " + CASES + ", total " + total);
        if (CASES.size() == 5 && total < 10_000) {
            throw new AssertionError("only " + total + " differential cases ran; a full run compares at least 10,000");
        }
    }
}
