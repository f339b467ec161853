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
 * does on one thread, and as the reference evaluator does. Each policy's rules are built afresh and
 * the threads start together, so they also reach every rule for the first time together; each
 * thread decides the whole list several times, in its own seeded order, then decides the allowed
 * transactions over and over, all threads in one order, so that the same few rules keep firing on
 * several threads at the same moment (where state a rule keeps for all sessions would be shared).
 */
class ConcurrentDecisionsTest {

    private static final int THREADS = 4;
    private static final int POLICIES_PER_CHAIN = 40;
    private static final int PASSES = 3;
    /** Decisions of allowed transactions per thread and policy, after the passes. */
    private static final int HOT_DECISIONS = 4_000;

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
            List<Integer> hot = new ArrayList<>();
            for (int t = 0; t < txs.size(); t++) {
                if (expected.get(t).allowed()) hot.add(t);
            }
            try (PreparedPolicy shared = new PreparedPolicy(compiled)) {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<List<String>>> futures = new ArrayList<>();
                for (int th = 0; th < THREADS; th++) {
                    long seed = random.nextLong();
                    futures.add(pool.submit(() -> decideAll(shared, txs, expected, seed, start, hot)));
                }
                List<String> wrong = new ArrayList<>();
                for (Future<List<String>> f : futures) wrong.addAll(f.get());
                if (!wrong.isEmpty()) {
                    throw new AssertionError(wrong.size() + " decision(s) made on " + THREADS + " threads differ from the "
                            + "single-threaded ones (policy " + i + " of " + chain + "); the first:\n" + wrong.get(0)
                            + "\n--- policy\n" + c.policyYaml());
                }
            }
            compared += (long) txs.size() * THREADS * PASSES + (hot.isEmpty() ? 0 : (long) THREADS * HOT_DECISIONS);
        }
        assertTrue(compared >= (long) POLICIES_PER_CHAIN * RandomPolicies.MIN_TRANSACTIONS * THREADS * PASSES,
                "compared only " + compared + " decisions");
    }

    /**
     * Decides every transaction {@link #PASSES} times, the first pass in list order, the others
     * shuffled, then the allowed ones {@link #HOT_DECISIONS} times in list order; returns the differences.
     */
    private static List<String> decideAll(PreparedPolicy policy, List<Transaction> txs, List<Decision> expected, long seed,
                                          CyclicBarrier start, List<Integer> hot) throws Exception {
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
        for (int i = 0; i < HOT_DECISIONS && !hot.isEmpty(); i++) {
            int t = hot.get(i % hot.size());
            Decision d = policy.authorize(txs.get(t));
            List<String> fields = Differential.differences(d, expected.get(t));
            if (!fields.isEmpty()) {
                wrong.add("transaction " + t + " (decided over and over) differs on " + fields + "\n--- one thread\n"
                        + DecisionJson.line(expected.get(t)) + "\n--- " + THREADS + " threads\n" + DecisionJson.line(d));
            }
        }
        return wrong;
    }
}
