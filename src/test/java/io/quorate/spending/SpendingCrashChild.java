package io.quorate.spending;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The process {@link SpendingCrashTest} kills: records spends from two threads as fast as it can
 * and prints {@code ack ID} for each once {@link SpendingStore#record} has returned, until it is
 * killed. Arguments: the store's file and the first id's number.
 */
public final class SpendingCrashChild {

    private SpendingCrashChild() {
    }

    /** The spend number {@code n} is, so the test can tell what each acknowledged id must hold. */
    static Spend spend(long n) {
        return new Spend("crash", n % 3 == 0 ? "HIVE" : "EOS", BigDecimal.valueOf(1 + n * 7919 % 100_000, n % 3 == 0 ? 3 : 4),
                Instant.parse("2026-06-01T00:00:00Z").plusMillis(n), "c" + n);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        SpendingStore store = SpendingStore.open(file);
        out.println("open");
        out.flush();
        Thread[] writers = new Thread[2];
        for (int t = 0; t < writers.length; t++) {
            int lane = t;
            writers[t] = new Thread(() -> {
                for (long n = first + lane; ; n += writers.length) {
                    store.record(spend(n));
                    synchronized (out) {
                        out.println("ack " + n);
                        out.flush();
                    }
                }
            });
            writers[t].start();
        }
        for (Thread w : writers) w.join();
    }
}
