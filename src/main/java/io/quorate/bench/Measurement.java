package io.quorate.bench;

import io.quorate.engine.Authorizer;
import io.quorate.engine.Decision;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Decides a workload on N threads for a warm-up (at least the warm-up time and at least one pass
 * over the whole pool, so every rule the traffic reaches has been fired in every thread's session),
 * then, all threads starting together, for a fixed time, reading the clock once
 * per decision: the time between two consecutive reads is one decision's latency (plus a few
 * nanoseconds of loop), kept in an int array per thread and sorted for the percentiles.
 * Throughput is the sum over threads of decisions per second of measured time.
 */
final class Measurement {

    /** Latencies kept per thread; beyond that the array wraps and the last ones are kept. */
    private static final int MAX_SAMPLES = 16 << 20;

    /** The result of one measurement. {@code unexpected} counts decisions that differed from the workload's outcome. */
    record Result(long decisions, double perSecond, double p50Micros, double p99Micros, long unexpected) {
    }

    private Measurement() {
    }

    static Result run(ExecutorService pool, Authorizer authorizer, Workload workload, int threads, double warmupSeconds,
                      double seconds) {
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        CyclicBarrier warm = new CyclicBarrier(threads);
        List<Future<Sample>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = workload.start(t, threads);
            futures.add(pool.submit(() -> decide(authorizer, workload, first, warmEnd, warm, seconds)));
        }
        List<Sample> samples = new ArrayList<>();
        try {
            for (Future<Sample> f : futures) samples.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the measurement was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a measuring thread failed: " + e.getCause(), e.getCause());
        }
        return summarize(samples);
    }

    /** What one thread measured: decisions, measured nanoseconds, and the latencies it kept. */
    private record Sample(long decisions, long nanos, int[] latencies, int kept, long unexpected) {
    }

    private static Sample decide(Authorizer authorizer, Workload workload, long first, long warmEnd, CyclicBarrier warm,
                                 double seconds) throws InterruptedException, BrokenBarrierException {
        for (Transaction tx : workload.pool()) authorizer.authorize(tx);
        long i = first;
        long t = System.nanoTime();
        long warmStart = t;
        long warmed = 0;
        while (t < warmEnd || warmed < 1_000) {
            authorizer.authorize(workload.at(i++));
            warmed++;
            t = System.nanoTime();
        }
        double warmRate = warmed / Math.max(1e-9, (t - warmStart) / 1e9);
        int capacity = (int) Math.min(MAX_SAMPLES, Math.max(1 << 16, warmRate * seconds * 1.5));
        int[] latencies = new int[capacity];
        boolean expected = workload.allowed();
        long unexpected = 0;
        long n = 0;
        warm.await();
        t = System.nanoTime();
        long begin = t;
        long end = begin + (long) (seconds * 1e9);
        while (t < end) {
            Decision d = authorizer.authorize(workload.at(i++));
            if (d.allowed() != expected) unexpected++;
            long now = System.nanoTime();
            latencies[(int) (n % capacity)] = (int) Math.min(Integer.MAX_VALUE, now - t);
            n++;
            t = now;
        }
        return new Sample(n, t - begin, latencies, (int) Math.min(n, capacity), unexpected);
    }

    private static Result summarize(List<Sample> samples) {
        long decisions = 0;
        long unexpected = 0;
        double perSecond = 0;
        int kept = 0;
        for (Sample s : samples) {
            decisions += s.decisions();
            unexpected += s.unexpected();
            perSecond += s.decisions() / (s.nanos() / 1e9);
            kept += s.kept();
        }
        int[] all = new int[kept];
        int at = 0;
        for (Sample s : samples) {
            System.arraycopy(s.latencies(), 0, all, at, s.kept());
            at += s.kept();
        }
        Arrays.sort(all);
        return new Result(decisions, perSecond, percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3, unexpected);
    }

    private static double percentile(int[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
