package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.PolicyCompiler;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One prepared policy deciding on several threads at once decides every transaction exactly as it
 * does on one thread, and as the reference evaluator does. Each round builds its rules afresh and
 * starts the threads together, so the threads also reach every rule for the first time together
 * (the first check of a rule in a session is where per-rule state is set up); each thread decides
 * the whole list several times, in its own seeded order.
 */
class ConcurrentDecisionsTest {

    private static final int THREADS = 4;
    private static final int POLICIES_PER_CHAIN = 40;
    private static final int PASSES = 3;

    private static ExecutorService pool;

    @BeforeAll
    static void startThreads() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eos", "hive", "casper", "ft4", "generic"})
    void threads_decide_as_one_thread_and_the_reference(String chain) throws Exception {
        Random random = new Random(chain.hashCode() * 31L + 7);
        long compared = 0;
        for (int i = 0; i < POLICIES_PER_CHAIN; i++) {
            PolicyCase c = RandomPolicies.sample(chain, random);
            PolicySet source = Differential.load(c);
            CompiledPolicy compiled = PolicyCompiler.compile(source);
            List<Transaction> txs = Differential.transactions(c);
            List<Decision> expected = new ArrayList<>();
            try (PreparedPolicy alone = new PreparedPolicy(compiled)) {
                for (Transaction tx : txs) expected.add(alone.authorize(tx));
            }
            ReferenceEvaluator reference = new ReferenceEvaluator(source);
            for (int t = 0; t < txs.size(); t++) {
                List<String> fields = Differential.differences(expected.get(t), reference.authorize(txs.get(t)));
                assertTrue(fields.isEmpty(), () -> "one thread and the reference already differ; see the differential properties");
            }
            try (PreparedPolicy shared = new PreparedPolicy(compiled)) {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<List<String>>> futures = new ArrayList<>();
                for (int th = 0; th < THREADS; th++) {
                    long seed = random.nextLong();
                    futures.add(pool.submit(() -> decideAll(shared, txs, expected, seed, start)));
                }
                List<String> wrong = new ArrayList<>();
                for (Future<List<String>> f : futures) wrong.addAll(f.get());
                if (!wrong.isEmpty()) {
                    throw new AssertionError(wrong.size() + " decision(s) made on " + THREADS + " threads differ from the "
                            + "single-threaded ones (policy " + i + " of " + chain + "); the first:\n" + wrong.get(0)
                            + "\n--- policy\n" + c.policyYaml());
                }
            }
            compared += (long) txs.size() * THREADS * PASSES;
        }
        assertTrue(compared >= (long) POLICIES_PER_CHAIN * RandomPolicies.MIN_TRANSACTIONS * THREADS * PASSES,
                "compared only " + compared + " decisions");
    }

    /** Decides every transaction {@link #PASSES} times, the first pass in list order, the others shuffled; returns the differences. */
    private static List<String> decideAll(PreparedPolicy policy, List<Transaction> txs, List<Decision> expected, long seed,
                                          CyclicBarrier start) throws Exception {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < txs.size(); t++) order.add(t);
        List<String> wrong = new ArrayList<>();
        start.await();
        for (int pass = 0; pass < PASSES; pass++) {
            for (int t : order) {
                Decision d = policy.authorize(txs.get(t));
                List<String> fields = Differential.differences(d, expected.get(t));
                if (!fields.isEmpty()) {
                    wrong.add("transaction " + t + " differs on " + fields + "\n--- one thread\n"
                            + DecisionJson.line(expected.get(t)) + "\n--- " + THREADS + " threads\n" + DecisionJson.line(d));
                }
            }
            java.util.Collections.shuffle(order, random);
        }
        return wrong;
    }
}
