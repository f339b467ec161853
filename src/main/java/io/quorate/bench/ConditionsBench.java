package io.quorate.bench;

import io.quorate.diag.InputException;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.ActionData;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import io.quorate.version.QuorateVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what an organisation's conditions cost: the same generated policy set and traffic,
 * decided without conditions and with them (R condition rules, an allowlist of N destinations in a
 * file), on each thread count, taking turns row by row so both see the same machine. Before
 * measuring, every transaction must be allowed by both, and a transfer to a destination off the
 * allowlist must be denied with conditions and allowed without, so the numbers are of the paths
 * they name.
 */
public final class ConditionsBench {

    /** What to measure. */
    public record Options(List<Integer> accounts, int rules, int allowlist, double seconds, double warmupSeconds,
                          List<Integer> threads, long seed) {
        public Options {
            accounts = List.copyOf(accounts);
            threads = List.copyOf(threads);
        }
    }

    /** One workload on one thread count, decided without and with conditions. */
    record Row(String policy, String build, String mode, int threads, Measurement.Result plain, Measurement.Result conditioned) {
    }

    private final Options options;
    private final PrintWriter progress;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ConditionsBench(Options options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs every size and returns the report as Markdown. */
    public String run() {
        for (int accounts : options.accounts()) measure(accounts);
        notes.add(String.format(Locale.ROOT, "quorate %s; machine: %d cores, %s %s, max heap %d MB; each row %.2f s warm-up then %.2f s measured, "
                        + "without and with conditions in turn", QuorateVersion.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, options.warmupSeconds(), options.seconds()));
        notes.add("conditions: one shared set per chain (first-match, default allow), rules split four tenths EOS and two tenths "
                + "each other chain: a sanctioned-destination deny, amount limits on allowlisted transfers (every third within "
                + "office hours, every fifth with a memo pattern on EOS and Hive) requiring 2 of an approver group, and a deny "
                + "off the chain's allowlist; the allowlists are one file per chain, the entries split as the accounts are");
        notes.add("uniform: the benchmark's allowed traffic (three transactions per account; one in three a transfer carrying data); "
                + "transfers: only those, each a small amount to an allowlisted destination, so every rule of its set is read and "
                + "none holds before the default allows it (the longest first-match path)");
        notes.add("slowdown: decisions/s without conditions over decisions/s with them (the goal is at most 2×)");
        return render();
    }

    private void measure(int accounts) {
        String policy = String.format(Locale.ROOT, "%,d accounts, %,d rules, %,d allowlisted", accounts, options.rules(), options.allowlist());
        progress.printf("%s: generating%n", policy);
        SyntheticPolicy generated = PolicyGenerator.generate(accounts, options.seed());
        ConditionsGenerator.Conditioned conditioned = ConditionsGenerator.add(generated, options.rules(), options.allowlist(), options.seed());
        progress.printf("%s: building without conditions%n", policy);
        long t0 = System.nanoTime();
        PreparedPolicy plain = build(generated.files());
        long t1 = System.nanoTime();
        progress.printf("%s: building with conditions%n", policy);
        PreparedPolicy withConditions = build(conditioned.files());
        long t2 = System.nanoTime();
        if (withConditions.conditions() == null) throw new IllegalStateException("the generated conditions are not in effect");
        progress.printf("%s: checking every generated transaction%n", policy);
        for (PreparedPolicy p : List.of(plain, withConditions)) {
            check(p, conditioned.allowed(), true);
        }
        Transaction off = offList(conditioned.transfers().get(0));
        check(plain, List.of(off), true);
        check(withConditions, List.of(off), false);

        List<Workload> workloads = List.of(
                Workload.uniform("uniform", conditioned.allowed(), true, options.seed()),
                Workload.uniform("transfers", conditioned.transfers(), true, options.seed() + 1));
        int maxThreads = options.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(maxThreads, r -> {
            Thread t = new Thread(r, "quorate-bench-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            boolean first = true;
            for (Workload w : workloads) {
                for (int threads : options.threads()) {
                    progress.printf("%s: %s, %d thread(s)%n", policy, w.mode(), threads);
                    Measurement.Result a = Measurement.run(pool, plain, w, threads, options.warmupSeconds(), options.seconds());
                    Measurement.Result b = Measurement.run(pool, withConditions, w, threads, options.warmupSeconds(), options.seconds());
                    if (a.unexpected() + b.unexpected() > 0) {
                        notes.add(String.format(Locale.ROOT, "%s, %s, %d thread(s): %,d decisions without and %,d with conditions came out "
                                + "other than generated; decided again on %d thread(s): %s", policy, w.mode(), threads, a.unexpected(),
                                b.unexpected(), threads, firstUnexpected(pool, a.unexpected() > 0 ? plain : withConditions, w, threads)));
                    }
                    rows.add(new Row(first ? String.format(Locale.ROOT, "%,d accounts", accounts) : "",
                            first ? String.format(Locale.ROOT, "%.1f / %.1f", (t1 - t0) / 1e9, (t2 - t1) / 1e9) : "", w.mode(), threads, a, b));
                    first = false;
                }
            }
        } finally {
            pool.shutdownNow();
            plain.close();
            withConditions.close();
        }
        notes.add(String.format(Locale.ROOT, "%s: %,d condition rules compiled; build without / with conditions in s (load, compile, "
                + "rules); %,d transactions, %,d of them transfers", policy, withConditions.conditions().rules().conditions().rules().size(),
                conditioned.allowed().size(), conditioned.transfers().size()));
    }

    /** Unexpected decisions over every measurement. */
    public long unexpected() {
        return rows.stream().mapToLong(r -> r.plain().unexpected() + r.conditioned().unexpected()).sum();
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| policy | build s (without / with) | mode | threads | without: decisions/s | without: p99 µs "
                + "| with: decisions/s | with: p50 µs | with: p99 µs | slowdown |\n");
        sb.append("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.policy()).append(" | ").append(r.build()).append(" | ").append(r.mode()).append(" | ")
                    .append(r.threads()).append(" | ").append(BenchReport.rate(r.plain().perSecond())).append(" | ")
                    .append(BenchReport.micros(r.plain().p99Micros())).append(" | ").append(BenchReport.rate(r.conditioned().perSecond()))
                    .append(" | ").append(BenchReport.micros(r.conditioned().p50Micros())).append(" | ")
                    .append(BenchReport.micros(r.conditioned().p99Micros())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f×", r.plain().perSecond() / r.conditioned().perSecond())).append(" |\n");
        }
        sb.append('\n');
        for (String note : notes) sb.append("- ").append(note).append('\n');
        return sb.toString();
    }

    /** The first decision, over a few passes of {@code threads} threads over the pool, that differs from the workload's outcome. */
    private static String firstUnexpected(ExecutorService pool, PreparedPolicy p, Workload w, int threads) {
        java.util.concurrent.atomic.AtomicReference<String> first = new java.util.concurrent.atomic.AtomicReference<>();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            running.add(pool.submit(() -> {
                for (int pass = 0; pass < 5 && first.get() == null; pass++) {
                    for (int i = 0; i < w.pool().length && first.get() == null; i++) {
                        Transaction tx = w.pool()[(i + offset * w.pool().length / threads) % w.pool().length];
                        Decision d = p.authorize(tx);
                        if (d.allowed() != w.allowed()) first.compareAndSet(null, "`" + tx.id() + "` " + d.decision().label() + ": " + d.reasons());
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                return "the check failed: " + e.getCause();
            }
        }
        return first.get() == null ? "every decision as generated this time" : first.get();
    }

    /** {@code tx} sending to a destination the allowlist does not hold. */
    private static Transaction offList(Transaction tx) {
        ActionRequest a = tx.actions().get(0);
        ActionData d = a.data();
        String to = d.to().startsWith("account-hash-") ? "account-hash-" + "f".repeat(64)
                : d.to().matches("[0-9A-F]{64}") ? "F".repeat(64) : d.to().startsWith("payee-") ? "stranger" : "stranger1111";
        ActionData other = new ActionData(d.from(), to, d.amount(), d.memo(), d.at(), d.amountAt());
        return new Transaction(tx.id() + "-off-list", List.of(new ActionRequest(a.account(), a.action(), a.flags(), a.authorization(),
                a.at(), other)), tx.signatures(), tx.approvals(), tx.authDescriptor(), tx.context(), tx.expected(), tx.at());
    }

    private static void check(PreparedPolicy p, List<Transaction> txs, boolean allowed) {
        for (Transaction tx : txs) {
            Decision d = p.authorize(tx);
            if (d.allowed() != allowed) {
                throw new IllegalStateException("generated transaction `" + tx.id() + "` should be " + (allowed ? "allowed" : "denied")
                        + ", the engine decided " + d.decision().label() + ": " + d.reasons());
            }
        }
    }

    private static PreparedPolicy build(Map<String, String> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("quorate-bench");
            for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
            return Quorate.prepare(PolicyLoader.load(List.of(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated policy files", e);
        } catch (InputException e) {
            throw new IllegalStateException("the generated policy does not load: " + e.diagnostics().get(0).render(), e);
        } finally {
            if (dir != null) delete(dir);
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
}
