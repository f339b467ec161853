package io.quorate.spending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads each doing "if spent + amount is within the limit, record it" through
 * {@link SpendingStore#atomically} and {@link SpendingLimits#decideAndRecord}: no limit is ever
 * passed, and exactly as many spends are accepted as fit.
 */
class SpendingConcurrencyTest {

    static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    @Test
    void parallel_spends_never_pass_the_limit_and_fill_it_exactly() throws Exception {
        Random r = new Random(424242L);
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            // per account: a limit, an amount, how many attempts; fit = floor(limit / amount) < attempts
            String[] accounts = {"treasury", "ops", "payroll", "grants"};
            BigDecimal[] limits = new BigDecimal[accounts.length];
            BigDecimal[] amounts = new BigDecimal[accounts.length];
            int[] attempts = new int[accounts.length];
            for (int a = 0; a < accounts.length; a++) {
                amounts[a] = BigDecimal.valueOf(1 + r.nextInt(9_999_999), 4);
                int fit = 5 + r.nextInt(40);
                // a limit between fit and fit+1 amounts, so exactly `fit` spends fit
                limits[a] = amounts[a].multiply(BigDecimal.valueOf(fit)).add(amounts[a].divide(BigDecimal.valueOf(2)));
                attempts[a] = fit + 10 + r.nextInt(30);
            }
            List<Runnable> tasks = new ArrayList<>();
            AtomicInteger[] accepted = new AtomicInteger[accounts.length];
            SpendingLimits spending = SpendingLimits.over(store);
            for (int a = 0; a < accounts.length; a++) {
                accepted[a] = new AtomicInteger();
                for (int i = 0; i < attempts[a]; i++) {
                    int ai = a;
                    Spend s = new Spend(accounts[a], "EOS", amounts[a], AT.minusSeconds(r.nextInt(3600)), accounts[a] + "#" + i);
                    if (i % 2 == 0) {
                        tasks.add(() -> {
                            boolean ok = store.atomically(s.account(), ledger -> {
                                BigDecimal spent = ledger.spent("EOS", DAY, AT).total();
                                if (spent.add(s.amount()).compareTo(limits[ai]) > 0) return false;
                                return ledger.record(s);
                            });
                            if (ok) accepted[ai].incrementAndGet();
                        });
                    } else {
                        tasks.add(() -> {
                            boolean ok = spending.decideAndRecord(s.account(), List.of(s),
                                    lookup -> lookup.spent(s.account(), "EOS", DAY, AT).add(s.amount()).compareTo(limits[ai]) <= 0, yes -> yes);
                            if (ok) accepted[ai].incrementAndGet();
                        });
                    }
                }
            }
            java.util.Collections.shuffle(tasks, r);
            int threads = 16;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable t : tasks) {
                done.add(pool.submit(() -> {
                    start.await();
                    t.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(5, TimeUnit.MINUTES);
            pool.shutdown();
            for (int a = 0; a < accounts.length; a++) {
                BigDecimal total = store.spent(accounts[a], "EOS", DAY, AT).total();
                int fit = limits[a].divideToIntegralValue(amounts[a]).intValueExact();
                assertTrue(total.compareTo(limits[a]) <= 0, accounts[a] + ": " + total + " over " + limits[a]);
                assertEquals(fit, accepted[a].get(), accounts[a] + ": accepted");
                assertEquals(0, amounts[a].multiply(BigDecimal.valueOf(fit)).compareTo(total), accounts[a] + ": total");
                assertEquals(fit, store.spent(accounts[a], "EOS", DAY, AT).count());
            }
        }
    }
}
