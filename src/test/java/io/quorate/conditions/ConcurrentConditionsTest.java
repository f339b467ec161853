package io.quorate.conditions;

import static io.quorate.conditions.ConditionsDifferentialTest.NOW;
import static io.quorate.conditions.ConditionsDifferentialTest.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceConditions;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One conditions engine judging on several threads at once reaches, for every transaction, the
 * outcome of the plain reference evaluation: no thread's rule firing marks a match or a lack on
 * another thread's check. Each policy's engine is new, and the threads start together; each
 * judges every transaction in its own shuffled orders, then over and over in list order.
 */
class ConcurrentConditionsTest {

    private static final int THREADS = 4;
    private static final int POLICIES = 30;
    private static final int TRANSACTIONS = 100;
    private static final int PASSES = 3;
    /** Passes in list order after the shuffled ones, all threads in step, so the same rules fire on several threads at once. */
    private static final int HOT_PASSES = 20;

    @Test
    void threads_reach_the_reference_outcomes() throws Exception {
        Random seeds = new Random(20261203L);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int p = 0; p < POLICIES; p++) {
                long seed = seeds.nextLong();
                RandomConditions gen = new RandomConditions(seed);
                String yaml = gen.policy();
                PolicySet policy = PolicyLoader.load("random.yaml", yaml);
                KeyDirectory directory = KeyDirectory.of(policy);
                ReferenceConditions reference = new ReferenceConditions(policy.conditions());
                List<Transaction> txs = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (int t = 0; t < TRANSACTIONS; t++) {
                    Transaction tx = gen.transaction(t);
                    txs.add(tx);
                    expected.add(summary(reference.decide(tx, tx.signatures(), Chain.EOS, directory,
                            new ConditionsDifferentialTest.ConditionSpent(tx), NOW)));
                }
                try (ConditionsEngine engine = ConditionsEngine.of(policy)) {
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    List<Future<List<String>>> futures = new ArrayList<>();
                    for (int th = 0; th < THREADS; th++) {
                        long order = seeds.nextLong();
                        futures.add(pool.submit(() -> judgeAll(engine, directory, txs, expected, order, start)));
                    }
                    List<String> wrong = new ArrayList<>();
                    for (Future<List<String>> f : futures) wrong.addAll(f.get());
                    assertEquals(List.of(), wrong, "seed " + seed + ": outcomes on " + THREADS + " threads differ from the reference\n" + yaml);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> judgeAll(ConditionsEngine engine, KeyDirectory directory, List<Transaction> txs,
                                         List<String> expected, long seed, CyclicBarrier start) throws Exception {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < txs.size(); t++) order.add(t);
        List<String> wrong = new ArrayList<>();
        start.await();
        List<Integer> inOrder = List.copyOf(order);
        for (int pass = 0; pass < PASSES + HOT_PASSES; pass++) {
            for (int t : pass < PASSES ? order : inOrder) {
                Transaction tx = txs.get(t);
                String actual = summary(engine.decide(tx, tx.signatures(), Chain.EOS, directory,
                        new ConditionsDifferentialTest.ConditionSpent(tx), NOW));
                if (!actual.equals(expected.get(t))) wrong.add("transaction " + t + ": " + actual + " instead of " + expected.get(t));
            }
            Collections.shuffle(order, random);
        }
        return wrong;
    }
}
