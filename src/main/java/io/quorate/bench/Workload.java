package io.quorate.bench;

import io.quorate.transaction.Transaction;
import java.util.List;
import java.util.Random;

/**
 * A stream of transactions to decide: a pool, and a precomputed random order over it (a power of
 * two long, so the measuring loop spends one mask on picking the next one). {@code allowed} is the
 * outcome every transaction of the pool must have.
 */
record Workload(String mode, Transaction[] pool, int[] order, boolean allowed) {

    private static final int ORDER_LENGTH = 1 << 20;

    /** Draws uniformly from {@code pool}. */
    static Workload uniform(String mode, List<Transaction> pool, boolean allowed, long seed) {
        Random random = new Random(seed);
        int[] order = new int[ORDER_LENGTH];
        for (int i = 0; i < order.length; i++) order[i] = random.nextInt(pool.size());
        return new Workload(mode, pool.toArray(Transaction[]::new), order, allowed);
    }

    Transaction at(long i) {
        return pool[order[(int) (i & (order.length - 1))]];
    }

    /** Where thread {@code thread} of {@code threads} starts in the order, so threads do not decide in lockstep. */
    long start(int thread, int threads) {
        return (long) thread * (order.length / threads);
    }
}
