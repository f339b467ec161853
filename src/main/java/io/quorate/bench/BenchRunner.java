package io.quorate.bench;

import io.quorate.diag.InputException;
import io.quorate.engine.Authorizer;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.Transaction;
import io.quorate.version.QuorateVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the engine on generated policies: for each size, the build (load → compile → KieBase)
 * and the heap it leaves, then decisions per second and latency with traffic spread uniformly over
 * all accounts, on a hot set of ten accounts, on the deny path, and with public keys instead of key
 * names; each also with the reference evaluator, as a ratio. Progress goes to {@code progress};
 * the result is a {@link BenchReport}.
 */
public final class BenchRunner {

    /** What to measure. {@code threads} lists the thread counts of the uniform and hot rows. */
    public record Options(List<Integer> accounts, double seconds, double warmupSeconds, List<Integer> threads, long seed,
                          boolean reference) {

        /** A smoke run: 100 accounts, one thread, 1 s per row after a quarter second of warm-up. */
        public static Options quick(long seed, boolean reference) {
            return new Options(List.of(100), 1, 0.25, List.of(1), seed, reference);
        }

        public Options {
            accounts = List.copyOf(accounts);
            threads = List.copyOf(threads);
        }
    }

    /** Policies up to this size are also built a second time, as a `serve` reload (the policy is held meanwhile, so twice the heap). */
    private static final int MAX_RELOADED_ACCOUNTS = 20_000;

    /** Reference decisions checked per workload before measuring: the reference's deny path is slow on big policies. */
    private static final int REFERENCE_CHECKS = 100;

    private final Options options;
    private final PrintWriter progress;
    private final BenchReport report = new BenchReport();

    public BenchRunner(Options options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        BenchReport report = new BenchRunner(args.length > 0 && args[0].equals("--quick") ? Options.quick(1, true)
                : new Options(List.of(1_000, 10_000), 5, 2, List.of(1, 2), 1, true), new PrintWriter(System.err, true)).run();
        out.print(report.render());
        out.flush();
    }

    public BenchReport run() {
        String loadBefore = loadAverage();
        for (int accounts : options.accounts()) measure(accounts);
        report.note(String.format(Locale.ROOT, "quorate %s; machine: %d cores, %s %s, max heap %d MB; load average (1, 5, 15 min) %s before, %s after",
                QuorateVersion.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, loadBefore, loadAverage()));
        report.note(String.format(Locale.ROOT, "each row: %.2f s warm-up, then %.2f s measured; latency is one System.nanoTime() read per "
                + "decision (the gap between consecutive reads, so it includes a few ns of loop), every decision recorded "
                + "into an int array and sorted", options.warmupSeconds(), options.seconds()));
        report.note("uniform: allowed transactions spread uniformly over all accounts (three per account: EOS linked transfer, "
                + "active, owner through two partners; Hive active, posting, active through a partner; Casper deploy by the "
                + "primary key or two keys, key management; FT4 main 2-of-3 and the single-sig T descriptor); hot: the same "
                + "for " + PolicyGenerator.HOT.values().stream().mapToInt(Integer::intValue).sum() + " accounts; deny: "
                + "one signature short, so each decision also searches the smallest sets of missing keys");
        report.note("signatures are key names, resolved by a map lookup; raw keys: the same traffic signed with public keys, "
                + "each decoded (base58 or hex, checksum, curve point) the first time it is seen and remembered afterwards "
                + "(the reference evaluator decodes every time)");
        report.note("reference ratio: engine decisions/s over the reference evaluator's on the same traffic and threads "
                + "(above 1: the engine is faster)");
        return report;
    }

    private void measure(int accounts) {
        String policyName = String.format(Locale.ROOT, "%,d accounts", accounts);
        progress.printf("%s: generating%n", policyName);
        SyntheticPolicy generated = PolicyGenerator.generate(accounts, options.seed());
        Path dir = write(generated.files());
        generated = generated.withoutFiles();
        gc();
        long heapBefore = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        progress.printf("%s: building%n", policyName);
        long t0 = System.nanoTime();
        PolicySet policySet = load(dir);
        long t1 = System.nanoTime();
        PreparedPolicy prepared = Quorate.prepare(policySet);
        long t2 = System.nanoTime();
        long peak = heapPeak();
        double reloadSeconds = Double.NaN;
        if (accounts <= MAX_RELOADED_ACCOUNTS) {
            // What `serve` does on a reload: load and build again in a warm JVM while the policy serves.
            progress.printf("%s: building again, as a reload%n", policyName);
            long r0 = System.nanoTime();
            try (PreparedPolicy again = Quorate.prepare(load(dir))) {
                reloadSeconds = (System.nanoTime() - r0) / 1e9;
                check(again, "engine after a reload", generated.allowed(), true, REFERENCE_CHECKS);
            }
        }
        delete(dir);
        gc();
        long heapAfter = heapUsed();
        double buildSeconds = (t2 - t0) / 1e9;
        ReferenceEvaluator reference = options.reference() ? new ReferenceEvaluator(policySet) : null;

        progress.printf("%s: checking every generated transaction%n", policyName);
        long c0 = System.nanoTime();
        check(prepared, "engine", generated.allowed(), true, Integer.MAX_VALUE);
        double coldMicros = (System.nanoTime() - c0) / 1e3 / generated.allowed().size();
        check(prepared, "engine", generated.allowedRawKeys(), true, Integer.MAX_VALUE);
        check(prepared, "engine", generated.denied(), false, Integer.MAX_VALUE);
        if (reference != null) {
            check(reference, "reference evaluator", generated.allowed(), true, REFERENCE_CHECKS);
            check(reference, "reference evaluator", generated.denied(), false, REFERENCE_CHECKS);
        }

        long seed = options.seed();
        List<Workload> uniformAndHot = List.of(
                Workload.uniform("uniform", generated.allowed(), true, seed),
                Workload.uniform("hot (" + generated.hotAccounts().size() + " accounts)", generated.hot(), true, seed + 1));
        List<Workload> singleThread = List.of(
                Workload.uniform("deny (one signature short)", generated.denied(), false, seed + 2),
                Workload.uniform("uniform, raw public keys", generated.allowedRawKeys(), true, seed + 3));
        int maxThreads = options.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(maxThreads, daemonThreads());
        try {
            boolean first = true;
            for (Workload w : uniformAndHot) {
                for (int threads : options.threads()) {
                    row(pool, first, policyName, buildSeconds, heapAfter, w, threads, prepared, reference);
                    first = false;
                }
            }
            for (Workload w : singleThread) row(pool, false, policyName, buildSeconds, heapAfter, w, 1, prepared, reference);
        } finally {
            pool.shutdownNow();
        }
        report.note(String.format(Locale.ROOT, "%s: %d policy file(s), %,d keys (deriving them took %.1f s, not counted); build %.1f s = "
                        + "load %.1f s + compile and KieBase %.1f s; heap after GC %d MB before the build and %d MB after "
                        + "(the traffic is %,d transactions), peak during the build about %d MB; %s; first decision of every "
                        + "allowed transaction right after the build (cold): %.0f µs on average",
                policyName, (accounts + PolicyGenerator.ACCOUNTS_PER_FILE - 1) / PolicyGenerator.ACCOUNTS_PER_FILE,
                generated.keys(), generated.keySeconds(), buildSeconds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, heapBefore >> 20,
                heapAfter >> 20, generated.allowed().size() * 2 + generated.denied().size(), peak >> 20,
                Double.isNaN(reloadSeconds) ? "not reloaded (over " + MAX_RELOADED_ACCOUNTS + " accounts)"
                        : String.format(Locale.ROOT, "reload as `serve` does it (load and build again in the warm JVM while "
                                + "the first is held) %.1f s", reloadSeconds), coldMicros));
    }

    private void row(ExecutorService pool, boolean first, String policyName, double buildSeconds, long heap, Workload w,
                     int threads, Authorizer engine, Authorizer reference) {
        progress.printf("%s: %s, %d thread(s)%n", policyName, w.mode(), threads);
        Measurement.Result e = Measurement.run(pool, engine, w, threads, options.warmupSeconds(), options.seconds());
        Measurement.Result r = reference == null ? null
                : Measurement.run(pool, reference, w, threads, options.warmupSeconds(), options.seconds());
        report.add(new BenchReport.Row(first ? policyName : "", first ? String.format(Locale.ROOT, "%.1f", buildSeconds) : "",
                first ? String.valueOf(heap >> 20) : "", w.mode(), threads, e, r));
    }

    /** Every transaction (up to {@code limit}) must decide as generated, or the numbers would measure the wrong path. */
    private static void check(Authorizer authorizer, String who, List<Transaction> txs, boolean allowed, int limit) {
        for (Transaction tx : txs.subList(0, Math.min(limit, txs.size()))) {
            Decision d = authorizer.authorize(tx);
            if (d.allowed() != allowed) {
                throw new IllegalStateException("generated transaction `" + tx.id() + "` should be " + (allowed ? "allowed" : "denied")
                        + ", the " + who + " decided " + d.decision().label() + ": " + d.reasons());
            }
        }
    }

    private static Path write(Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("quorate-bench");
            for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated policy files", e);
        }
    }

    private static PolicySet load(Path dir) {
        try {
            return PolicyLoader.load(List.of(dir));
        } catch (InputException e) {
            throw new IllegalStateException("the generated policy does not load: " + e.diagnostics().get(0).render(), e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
            Files.delete(dir);
        } catch (IOException e) {
            // a leftover temporary directory does not change any number
        }
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(", ", Arrays.copyOf(parts, 3));
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", one);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "quorate-bench-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
