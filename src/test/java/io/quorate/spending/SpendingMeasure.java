package io.quorate.spending;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures the store (not a test; the figures in docs/spending.md come from it): fills one file
 * with {@code ROWS} spends of 100 accounts over 30 days, the busiest account holding a tenth of
 * them, then times window sums and single recordings. Arguments: rows (default 1000000), directory.
 */
public final class SpendingMeasure {

    private SpendingMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("spending-measure");
        Path file = dir.resolve("measure.db");
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        Random r = new Random(1);
        long fill = System.nanoTime();
        try (SpendingStore store = SpendingStore.open(file)) {
            int batch = 10_000;
            for (int done = 0; done < rows; done += batch) {
                int first = done;
                // one atomically per account batch: a transaction of many rows, as a bulk import would
                List<Spend> spends = new ArrayList<>();
                for (int i = first; i < Math.min(rows, first + batch); i++) {
                    String account = i % 10 == 0 ? "busy" : "acct" + r.nextInt(99);
                    spends.add(new Spend(account, "EOS", BigDecimal.valueOf(1 + r.nextInt(100_000_000), 4),
                            t0.plusMillis((long) (r.nextDouble() * Duration.ofDays(30).toMillis())), "m" + i));
                }
                for (String account : spends.stream().map(Spend::account).distinct().toList()) {
                    store.atomically(account, l -> {
                        spends.stream().filter(s -> s.account().equals(account)).forEach(l::record);
                        return null;
                    });
                }
            }
        }
        System.out.printf("filled %,d rows in %.1f s%n", rows, (System.nanoTime() - fill) / 1e9);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet plan = c.createStatement().executeQuery("EXPLAIN QUERY PLAN SELECT scale, SUM(units), COUNT(*), COUNT(units)"
                     + " FROM spend WHERE account = 'busy' AND asset = 'EOS' AND time > 0 AND time <= 1 GROUP BY scale")) {
            while (plan.next()) System.out.println("plan: " + plan.getString(4));
        }
        try (SpendingStore store = SpendingStore.open(file)) {
            Instant at = t0.plus(Duration.ofDays(20));
            for (String account : new String[] {"busy", "acct7"}) {
                for (Duration period : new Duration[] {Duration.ofHours(24), Duration.ofDays(7)}) {
                    SpentSum warm = null;
                    for (int i = 0; i < 20; i++) warm = store.spent(account, "EOS", period, at);
                    int n = 200;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) store.spent(account, "EOS", period, at.plusSeconds(i));
                    double ms = (System.nanoTime() - start) / 1e6 / n;
                    System.out.printf("sum %s %s: %,d spends in the window, %.3f ms a sum%n", account, Periods.format(period), warm.count(), ms);
                }
            }
            int n = 500;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) store.record(new Spend("busy", "EOS", BigDecimal.ONE, at, "rec" + i));
            System.out.printf("record (one transaction, synced, each): %.3f ms%n", (System.nanoTime() - start) / 1e6 / n);
        }
        System.out.printf("file: %,d bytes%n", Files.size(file));
    }
}
