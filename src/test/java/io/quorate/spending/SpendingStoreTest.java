package io.quorate.spending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a plain list of spends: sums, windows, ids, restarts, pruning. */
class SpendingStoreTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    static Spend spend(String account, String amount, String asset, Instant time, String id) {
        return new Spend(account, asset, new BigDecimal(amount), time, id);
    }

    /** The plain reference: the spends of (account, asset) with from < time <= to, added up. */
    static BigDecimal reference(List<Spend> spends, String account, String asset, Instant from, Instant to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Spend s : spends) {
            if (s.account().equals(account) && s.asset().equals(asset) && s.time().isAfter(from) && !s.time().isAfter(to)) {
                sum = sum.add(s.amount());
            }
        }
        return sum;
    }

    /** An amount at {@code scale}: mostly ordinary, sometimes past 64 bits of units or near the edge of them. */
    static BigDecimal amount(Random r, int scale) {
        BigInteger units = switch (r.nextInt(6)) {
            case 0 -> BigInteger.valueOf(Long.MAX_VALUE - r.nextInt(1000));
            case 1 -> new BigInteger(70 + r.nextInt(60), r).add(BigInteger.ONE);
            default -> BigInteger.valueOf(1 + r.nextInt(1_000_000_000));
        };
        return new BigDecimal(units, scale);
    }

    @Test
    void sums_equal_the_exact_reference_at_every_precision() throws Exception {
        Random r = new Random(20261202L);
        int[] scales = {0, 3, 4, 8, 9, 18, 30};
        String[] assets = {"EOS", "HIVE", "CSPR", "ft4:0xab"};
        String[] accounts = {"treasury", "ops", "payroll"};
        List<Spend> spends = new ArrayList<>();
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < 40; i++) {
                    String asset = assets[r.nextInt(assets.length)];
                    // one scale per asset mostly, as chains have; sometimes another, which must add up too
                    int scale = r.nextInt(5) == 0 ? scales[r.nextInt(scales.length)] : scales[Math.floorMod(asset.hashCode(), scales.length)];
                    Spend s = new Spend(accounts[r.nextInt(accounts.length)], asset, amount(r, scale),
                            T0.plusSeconds(r.nextInt(30 * 86_400)).plusNanos(r.nextInt(1_000_000_000)), "tx-" + round + "-" + i);
                    assertTrue(store.record(s));
                    spends.add(s);
                }
                for (int q = 0; q < 30; q++) {
                    String account = accounts[r.nextInt(accounts.length)];
                    String asset = assets[r.nextInt(assets.length)];
                    Instant at = r.nextBoolean() ? spends.get(r.nextInt(spends.size())).time() : T0.plusSeconds(r.nextInt(32 * 86_400));
                    Duration period = Duration.ofHours(1 + r.nextInt(24 * 10));
                    BigDecimal expected = reference(spends, account, asset, at.minus(period), at);
                    BigDecimal actual = store.spent(account, asset, period, at).total();
                    assertEquals(0, expected.compareTo(actual), account + " " + asset + " " + period + " at " + at + ": " + expected + " vs " + actual);
                }
            }
            // the whole history of each pair, through the same query
            for (String account : accounts) {
                for (String asset : assets) {
                    BigDecimal all = reference(spends, account, asset, Instant.EPOCH, Spend.LATEST);
                    assertEquals(0, all.compareTo(store.spent(account, asset, Instant.EPOCH, null).total()), account + " " + asset);
                }
            }
        }
    }

    @Test
    void a_sum_keeps_every_digit_of_its_spends() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            store.record(spend("a", "0.1", "X", T0, "1"));
            store.record(spend("a", "0.2", "X", T0, "2"));
            assertEquals(new BigDecimal("0.3"), store.spent("a", "X", Duration.ofHours(1), T0).total());
            store.record(spend("a", "12000.0000", "EOS", T0, "3"));
            store.record(spend("a", "0.0001", "EOS", T0, "4"));
            assertEquals(new BigDecimal("12000.0001"), store.spent("a", "EOS", Duration.ofHours(1), T0).total());
            store.record(spend("a", "0.000000000000000001", "ETH", T0, "5"));
            store.record(spend("a", "123456789012345678901234567890.000000000000000001", "ETH", T0, "6"));
            assertEquals(new BigDecimal("123456789012345678901234567890.000000000000000002"),
                    store.spent("a", "ETH", Duration.ofHours(1), T0).total());
            // two spends whose units each fit in 64 bits but whose sum does not
            store.record(spend("a", "9223372036854775807", "BIG", T0, "7"));
            store.record(spend("a", "9223372036854775807", "BIG", T0, "8"));
            assertEquals(new BigDecimal("18446744073709551614"), store.spent("a", "BIG", Duration.ofHours(1), T0).total());
            assertEquals(2, store.spent("a", "BIG", Duration.ofHours(1), T0).count());
        }
    }

    @Test
    void a_window_leaves_out_its_start_and_keeps_its_end() throws Exception {
        Instant at = T0.plus(Duration.ofHours(24));
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            store.record(spend("a", "1.0000", "EOS", T0, "at-start"));
            store.record(spend("a", "2.0000", "EOS", T0.plusNanos(1), "just-after-start"));
            store.record(spend("a", "4.0000", "EOS", at, "at-end"));
            store.record(spend("a", "8.0000", "EOS", at.plusNanos(1), "after-end"));
            assertEquals(new BigDecimal("6.0000"), store.spent("a", "EOS", Duration.ofHours(24), at).total());
            // with no end, as decisions ask, the later spend counts too
            assertEquals(new BigDecimal("14.0000"), store.spent("a", "EOS", T0, null).total());
            assertEquals(new BigDecimal("14.0000"), SpendingLimits.over(store).spent("a", "EOS", Duration.ofHours(24), at));
            // one nanosecond earlier, the spend at the old start is in
            assertEquals(new BigDecimal("7.0000"), store.spent("a", "EOS", Duration.ofHours(24).plusNanos(1), at).total());
        }
    }

    @Test
    void recording_a_spend_again_counts_it_once() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            assertTrue(store.record(spend("a", "5.000", "HIVE", T0, "tx1")));
            assertFalse(store.record(spend("a", "5.000", "HIVE", T0, "tx1")));
            // a retry stamped later (no time given, the server's clock) is still the same spend
            assertFalse(store.record(spend("a", "5.00", "HIVE", T0.plusSeconds(3), "tx1")));
            assertEquals(new BigDecimal("5.000"), store.spent("a", "HIVE", Duration.ofDays(1), T0.plusSeconds(10)).total());
            assertEquals(T0, store.find("a", "tx1").orElseThrow().time());
            SpendConflictException e = assertThrows(SpendConflictException.class, () -> store.record(spend("a", "6.000", "HIVE", T0, "tx1")));
            assertEquals("account `a`: id `tx1` was recorded as `5.000 HIVE` at 2026-06-01T00:00:00Z, not `6.000 HIVE`", e.getMessage());
            assertThrows(SpendConflictException.class, () -> store.record(spend("a", "5.000", "HBD", T0, "tx1")));
            // ids belong to their account
            assertTrue(store.record(spend("b", "5.000", "HIVE", T0, "tx1")));
            assertEquals(new BigDecimal("5.000"), store.spent("a", "HIVE", Duration.ofDays(1), T0.plusSeconds(10)).total());
        }
    }

    @Test
    void a_reopened_store_sums_as_before() throws Exception {
        Random r = new Random(7);
        Path file = dir.resolve("s.db");
        List<Spend> spends = new ArrayList<>();
        Instant created;
        try (SpendingStore store = SpendingStore.open(file)) {
            created = store.created();
            for (int i = 0; i < 300; i++) {
                Spend s = new Spend("acct" + r.nextInt(5), r.nextBoolean() ? "EOS" : "HIVE", amount(r, 4), T0.plusSeconds(r.nextInt(86_400 * 3)), "id" + i);
                store.record(s);
                spends.add(s);
            }
        }
        try (SpendingStore store = SpendingStore.open(file)) {
            assertEquals(created, store.created());
            for (Spend s : spends) assertEquals(s, store.find(s.account(), s.id()).orElseThrow());
            for (int i = 0; i < 5; i++) {
                for (String asset : List.of("EOS", "HIVE")) {
                    Instant at = T0.plusSeconds(r.nextInt(86_400 * 3));
                    assertEquals(0, reference(spends, "acct" + i, asset, at.minus(Duration.ofDays(1)), at)
                            .compareTo(store.spent("acct" + i, asset, Duration.ofDays(1), at).total()));
                }
            }
        }
    }

    @Test
    void a_pruned_window_is_refused_rather_than_answered_short() throws Exception {
        Path file = dir.resolve("s.db");
        try (SpendingStore store = SpendingStore.open(file)) {
            store.record(spend("a", "1", "EOS", T0, "old"));
            store.record(spend("a", "2", "EOS", T0.plus(Duration.ofDays(10)), "new"));
            assertEquals(1, store.prune(T0.plus(Duration.ofDays(5))));
            assertTrue(store.find("a", "old").isEmpty());
            assertEquals(new BigDecimal("2"), store.spent("a", "EOS", Duration.ofDays(5), T0.plus(Duration.ofDays(10))).total());
            SpendingUnavailableException e = assertThrows(SpendingUnavailableException.class,
                    () -> store.spent("a", "EOS", Duration.ofDays(6), T0.plus(Duration.ofDays(10))));
            assertTrue(e.getMessage().contains("is no longer kept"), e.getMessage());
        }
        try (SpendingStore store = SpendingStore.open(file)) {
            assertEquals(T0.plus(Duration.ofDays(5)), store.prunedThrough());
            assertThrows(SpendingUnavailableException.class, () -> store.spent("a", "EOS", Duration.ofDays(6), T0.plus(Duration.ofDays(10))));
            assertEquals(0, store.prune(T0.plus(Duration.ofDays(1))));
            assertEquals(T0.plus(Duration.ofDays(5)), store.prunedThrough(), "pruning never moves back");
        }
    }

    @Test
    void pruning_deletes_in_chunks_until_done() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            List<Spend> many = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) many.add(spend("a", "1", "EOS", T0.plusMillis(i), "i" + i));
            store.atomically("a", ledger -> {
                many.forEach(ledger::record);
                return null;
            });
            assertEquals(20_001, store.prune(T0.plusMillis(20_000)));
            assertEquals(new BigDecimal("4999"), store.spent("a", "EOS", T0.plusMillis(20_000), null).total());
        }
    }

    @Test
    void one_process_at_a_time_holds_a_store() throws Exception {
        Path file = dir.resolve("s.db");
        try (SpendingStore store = SpendingStore.open(file)) {
            IOException e = assertThrows(IOException.class, () -> SpendingStore.open(file));
            assertTrue(e.getMessage().contains("is in use by another quorate"), e.getMessage());
        }
        SpendingStore.open(file).close();
    }

    @Test
    void another_sqlite_file_is_not_taken_for_a_store() throws Exception {
        Path file = dir.resolve("other.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().executeUpdate("CREATE TABLE t (x)");
        }
        IOException e = assertThrows(IOException.class, () -> SpendingStore.open(file));
        assertTrue(e.getMessage().contains("not a spending store"), e.getMessage());
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "these are not the spends you are looking for, not even close to a database header\n".repeat(20));
        assertThrows(IOException.class, () -> SpendingStore.open(text));
    }

    @Test
    void a_failing_database_is_reported_until_it_works_again() throws Exception {
        Path file = dir.resolve("s.db");
        try (SpendingStore store = SpendingStore.open(file, Duration.ofMillis(200), java.time.Clock.systemUTC());
             var other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(null, store.failure());
            // another connection holds the database's write lock: the store's write waits, then fails
            other.createStatement().execute("BEGIN EXCLUSIVE");
            SpendingUnavailableException e = assertThrows(SpendingUnavailableException.class, () -> store.record(spend("a", "1", "EOS", T0, "x")));
            assertTrue(e.getMessage().startsWith("the spending store `"), e.getMessage());
            assertEquals(e.getMessage(), store.failure());
            assertTrue(store.find("a", "x").isEmpty(), "nothing was recorded");
            other.createStatement().execute("ROLLBACK");
            assertTrue(store.record(spend("a", "1", "EOS", T0, "x")));
            assertEquals(null, store.failure());
        }
    }

    @Test
    void work_that_fails_records_nothing() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            assertThrows(IllegalStateException.class, () -> store.atomically("a", ledger -> {
                ledger.record(spend("a", "3", "EOS", T0, "x"));
                assertEquals(new BigDecimal("3"), ledger.spent("EOS", Duration.ofHours(1), T0).total(), "the work sees its own record");
                throw new IllegalStateException("changed its mind");
            }));
            assertEquals(BigDecimal.ZERO, store.spent("a", "EOS", Duration.ofHours(1), T0).total());
            assertTrue(store.find("a", "x").isEmpty());
        }
    }

    @Test
    void a_work_holds_one_account() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            assertThrows(IllegalStateException.class, () -> store.atomically("a", l -> store.atomically("b", m -> 1)));
            assertThrows(IllegalArgumentException.class, () -> store.atomically("a", l -> l.record(spend("b", "1", "EOS", T0, "x"))));
            int joined = store.atomically("a", l -> store.atomically("a", m -> {
                m.record(spend("a", "1", "EOS", T0, "inner"));
                return l.spent("EOS", Duration.ofHours(1), T0).count();
            }).intValue());
            assertEquals(1, joined, "the inner work joins the outer one");
            assertEquals(1, store.spent("a", "EOS", Duration.ofHours(1), T0).count());
        }
    }

    @Test
    void a_retried_decision_decides_as_the_first_and_records_once() throws Exception {
        try (SpendingStore store = SpendingStore.open(dir.resolve("s.db"))) {
            SpendingLimits limits = SpendingLimits.over(store);
            BigDecimal limit = new BigDecimal("100.0000");
            Spend big = spend("t", "60.0000", "EOS", T0, "tx1#0");
            for (int attempt = 0; attempt < 3; attempt++) {
                boolean allowed = limits.decideAndRecord("t", List.of(big),
                        lookup -> lookup.spent("t", "EOS", Duration.ofHours(24), T0).add(big.amount()).compareTo(limit) <= 0, ok -> ok);
                assertTrue(allowed, "attempt " + attempt);
            }
            assertEquals(new BigDecimal("60.0000"), store.spent("t", "EOS", Duration.ofHours(24), T0).total());
            Spend second = spend("t", "60.0000", "EOS", T0, "tx2#0");
            boolean secondAllowed = limits.decideAndRecord("t", List.of(second),
                    lookup -> lookup.spent("t", "EOS", Duration.ofHours(24), T0).add(second.amount()).compareTo(limit) <= 0, ok -> ok);
            assertFalse(secondAllowed);
            assertTrue(store.find("t", "tx2#0").isEmpty(), "a denied spend is not recorded");
            SpendingLimits none = SpendingLimits.none("no store");
            assertThrows(SpendingUnavailableException.class, () -> none.spent("t", "EOS", Duration.ofHours(1), T0));
        }
    }

    @Test
    void amounts_and_periods_read_as_the_formats_write_them() {
        assertEquals(new Quantity(new BigDecimal("12000.0000"), "EOS"), Quantity.parse("12000.0000 EOS", null));
        assertEquals(new Quantity(new BigDecimal("5.000"), "HIVE"), Quantity.parse("5.000", "HIVE"));
        assertEquals("12000.0000 EOS", Quantity.parse("12000.0000 EOS", "EOS").toString());
        for (String bad : new String[] {"-1 EOS", "1e5 EOS", "1,5 EOS", " 1 EOS", "1  EOS", ".5 EOS", "0 EOS", "0.0000 EOS", "EOS", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Quantity.parse(bad, null), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1.000 HIVE", "EOS"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1.000", null));
        assertEquals(Duration.ofHours(24), Periods.parse("24h"));
        assertEquals(Duration.ofDays(7), Periods.parse("7d"));
        assertEquals(Duration.ofDays(14), Periods.parse("2w"));
        for (String p : new String[] {"90s", "30m", "1h", "24h", "7d", "30d"}) assertEquals(p, Periods.format(Periods.parse(p)));
        for (String bad : new String[] {"0h", "24", "h", "1.5h", "-1h", "24H", "1y", "99999d"}) {
            assertThrows(IllegalArgumentException.class, () -> Periods.parse(bad), bad);
        }
    }
}
