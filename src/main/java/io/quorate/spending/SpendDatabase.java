package io.quorate.spending;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQL of the spending store: one SQLite file in WAL mode with {@code synchronous=FULL}, so
 * every commit is on disk (the log synced) before it returns. One connection writes, a few read
 * at once beside it (WAL readers see the last commit and never wait for the writer).
 *
 * <p>A spend is a row with its amount twice: as exact text, and as an integer of units
 * ({@code amount × 10^scale}) when that fits in 64 bits, so that a window's total is an integer
 * {@code SUM} over a covering index. A total SQLite cannot add exactly (a sum past 64 bits, a
 * row too large for units) is added from the text instead, in {@link BigDecimal}.
 */
final class SpendDatabase implements AutoCloseable {

    /** "QRSP": marks the file as a spending store, so another SQLite file is not taken for one. */
    static final int APPLICATION_ID = 0x51525350;
    static final int FORMAT = 1;
    private static final int PRUNE_CHUNK = 10_000;

    private static final String SUM = "SELECT scale, SUM(units), COUNT(*), COUNT(units) FROM spend"
            + " WHERE account = ? AND asset = ? AND time > ? AND time <= ? GROUP BY scale";
    private static final String SUM_EXACT = "SELECT amount FROM spend WHERE account = ? AND asset = ? AND time > ? AND time <= ?";
    private static final String FIND = "SELECT asset, amount, time FROM spend WHERE account = ? AND id = ?";
    private static final String INSERT = "INSERT INTO spend (account, id, asset, amount, scale, units, time, recorded)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writing = new ReentrantLock();
    private final BlockingQueue<Reader> readers;
    private final List<Reader> allReaders = new ArrayList<>();
    private final long created;
    private final int busyMillis;
    private volatile long prunedThrough;

    private SpendDatabase(Path file, Connection writer, int readerCount, int busyMillis) throws SQLException {
        this.file = file;
        this.writer = writer;
        this.busyMillis = busyMillis;
        this.readers = new ArrayBlockingQueue<>(readerCount);
        try {
            this.created = Long.parseLong(meta(writer, "created"));
            this.prunedThrough = Long.parseLong(meta(writer, "pruned_through"));
            for (int i = 0; i < readerCount; i++) {
                Reader r = new Reader(connect(file, busyMillis));
                allReaders.add(r);
                readers.add(r);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens (or creates) the database at {@code file}, with {@code readerCount} reading
     * connections; a statement waits up to {@code busyMillis} for another connection's write.
     */
    static SpendDatabase open(Path file, int readerCount, long nowNanos, int busyMillis) throws SQLException {
        Connection writer = connect(file, busyMillis);
        try {
            prepare(file, writer, nowNanos);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return new SpendDatabase(file, writer, readerCount, busyMillis);
    }

    private static Connection connect(Path file, int busyMillis) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(busyMillis);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Creates the schema in a new file; checks that an existing one is a spending store of a known format. */
    private static void prepare(Path file, Connection c, long nowNanos) throws SQLException {
        try (Statement s = c.createStatement()) {
            int app = intPragma(s, "application_id");
            int version = intPragma(s, "user_version");
            if (app == 0 && version == 0) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    if (r.next() && r.getInt(1) > 0) throw new IllegalStateException("`" + file + "` is an SQLite database, but not a spending store");
                }
                c.setAutoCommit(false);
                try {
                    s.executeUpdate("CREATE TABLE spend (account TEXT NOT NULL, id TEXT NOT NULL, asset TEXT NOT NULL,"
                            + " amount TEXT NOT NULL, scale INTEGER NOT NULL, units INTEGER, time INTEGER NOT NULL,"
                            + " recorded INTEGER NOT NULL, PRIMARY KEY (account, id))");
                    // Covering: a window's sum reads this index alone, in time order within (account, asset).
                    s.executeUpdate("CREATE INDEX spend_window ON spend (account, asset, time, scale, units)");
                    s.executeUpdate("CREATE INDEX spend_time ON spend (time)");
                    s.executeUpdate("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                    s.executeUpdate("INSERT INTO meta VALUES ('created', '" + nowNanos + "'), ('pruned_through', '" + Long.MIN_VALUE + "')");
                    s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                    s.executeUpdate("PRAGMA user_version = " + FORMAT);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return;
            }
            if (app != APPLICATION_ID) throw new IllegalStateException("`" + file + "` is an SQLite database, but not a spending store");
            if (version != FORMAT) {
                throw new IllegalStateException("`" + file + "` is a spending store of format " + version + "; this quorate reads format " + FORMAT);
            }
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String meta(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) throw new IllegalStateException("the spending store has no `" + key + "` entry");
                return r.getString(1);
            }
        }
    }

    Path file() {
        return file;
    }

    long created() {
        return created;
    }

    /** Spends at or before this time (nanoseconds) may have been pruned; {@link Long#MIN_VALUE} when none were. */
    long prunedThrough() {
        return prunedThrough;
    }

    /** The total of {@code account}'s {@code asset} spends with {@code from < time <= to} (nanoseconds). */
    SpentSum sum(String account, String asset, long from, long to) throws SQLException {
        Reader r = borrow();
        try {
            return r.sum(account, asset, from, to);
        } finally {
            readers.add(r);
        }
    }

    Optional<Spend> find(String account, String id) throws SQLException {
        Reader r = borrow();
        try {
            return r.find(account, id);
        } finally {
            readers.add(r);
        }
    }

    private Reader borrow() throws SQLException {
        try {
            Reader r = readers.poll(busyMillis, TimeUnit.MILLISECONDS);
            if (r == null) throw new SQLException("no reading connection came free within " + busyMillis + " ms");
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a reading connection", e);
        }
    }

    /** Inserts the spends in one transaction: all are on disk when this returns, or none is recorded. */
    void insert(List<Spend> spends, long recordedNanos) throws SQLException {
        if (spends.isEmpty()) return;
        writing.lock();
        // The transaction is begun and ended in SQL, the connection left in auto-commit: the
        // driver's own auto-commit switch loses track when BEGIN fails (a busy database), and
        // would then commit what it should not.
        try (PreparedStatement p = writer.prepareStatement(INSERT); Statement tx = writer.createStatement()) {
            tx.execute("BEGIN IMMEDIATE");
            try {
                for (Spend s : spends) {
                    p.setString(1, s.account());
                    p.setString(2, s.id());
                    p.setString(3, s.asset());
                    p.setString(4, s.amount().toPlainString());
                    p.setInt(5, s.amount().scale());
                    if (s.amount().unscaledValue().bitLength() < 64) p.setLong(6, s.amount().unscaledValue().longValueExact());
                    else p.setNull(6, java.sql.Types.INTEGER);
                    p.setLong(7, nanos(s.time()));
                    p.setLong(8, recordedNanos);
                    p.addBatch();
                }
                p.executeBatch();
                tx.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    tx.execute("ROLLBACK");
                } catch (SQLException notInOne) {
                    e.addSuppressed(notInOne);
                }
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Deletes the spends at or before {@code through} (nanoseconds), in chunks so the writer is
     * never held long; from the first chunk on, windows reaching back to {@code through} are
     * refused. Returns how many were deleted.
     */
    synchronized long prune(long through) throws SQLException {
        long deleted = 0;
        if (through > prunedThrough) {
            // Raised before anything is deleted: a reader that could miss a deleted spend already refuses.
            prunedThrough = through;
            writing.lock();
            try (PreparedStatement p = writer.prepareStatement("UPDATE meta SET value = ? WHERE key = 'pruned_through'")) {
                p.setString(1, Long.toString(through));
                p.executeUpdate();
            } finally {
                writing.unlock();
            }
        }
        while (true) {
            int n;
            writing.lock();
            try (PreparedStatement p = writer.prepareStatement(
                    "DELETE FROM spend WHERE rowid IN (SELECT rowid FROM spend WHERE time <= ? LIMIT " + PRUNE_CHUNK + ")")) {
                p.setLong(1, through);
                n = p.executeUpdate();
            } finally {
                writing.unlock();
            }
            deleted += n;
            if (n < PRUNE_CHUNK) return deleted;
        }
    }


    /** Nanoseconds since 1970, saturating (a window may begin before 1970 or end after {@link Spend#LATEST}). */
    static long nanos(Instant t) {
        if (t.isBefore(Instant.EPOCH)) {
            long s = t.getEpochSecond();
            if (s <= Long.MIN_VALUE / 1_000_000_000L) return Long.MIN_VALUE;
            return s * 1_000_000_000L + t.getNano();
        }
        if (!t.isBefore(Spend.LATEST)) return Long.MAX_VALUE;
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public void close() {
        for (Reader r : allReaders) r.close();
        try {
            writer.close();
        } catch (SQLException e) {
            // closing: nothing left to keep
        }
    }

    /**
     * One reading connection, used by one thread at a time. Statements are prepared per query:
     * the driver closes a statement that failed (an overflowing SUM), and preparing is cheap
     * beside the query.
     */
    private static final class Reader {
        final Connection c;

        Reader(Connection c) {
            this.c = c;
        }

        SpentSum sum(String account, String asset, long from, long to) throws SQLException {
            BigDecimal total = BigDecimal.ZERO;
            long count = 0;
            try (PreparedStatement p = c.prepareStatement(SUM)) {
                bind(p, account, asset, from, to);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        int scale = r.getInt(1);
                        long units = r.getLong(2);
                        long rows = r.getLong(3);
                        long withUnits = r.getLong(4);
                        if (withUnits != rows) return exact(account, asset, from, to);
                        total = total.add(BigDecimal.valueOf(units, scale));
                        count += rows;
                    }
                }
            } catch (org.sqlite.SQLiteException e) {
                // SQLite's SUM refuses to overflow 64 bits rather than wrap; the text adds up exactly.
                if (e.getMessage() != null && e.getMessage().contains("integer overflow")) return exact(account, asset, from, to);
                throw e;
            }
            return new SpentSum(total, count);
        }

        private SpentSum exact(String account, String asset, long from, long to) throws SQLException {
            BigDecimal total = BigDecimal.ZERO;
            long count = 0;
            try (PreparedStatement p = c.prepareStatement(SUM_EXACT)) {
                bind(p, account, asset, from, to);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        total = total.add(new BigDecimal(r.getString(1)));
                        count++;
                    }
                }
            }
            return new SpentSum(total, count);
        }

        private static void bind(PreparedStatement p, String account, String asset, long from, long to) throws SQLException {
            p.setString(1, account);
            p.setString(2, asset);
            p.setLong(3, from);
            p.setLong(4, to);
        }

        Optional<Spend> find(String account, String id) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(FIND)) {
                p.setString(1, account);
                p.setString(2, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) return Optional.empty();
                    return Optional.of(new Spend(account, r.getString(1), new BigDecimal(r.getString(2)), instant(r.getLong(3)), id));
                }
            }
        }

        void close() {
            try {
                c.close();
            } catch (SQLException e) {
                // closing: nothing left to keep
            }
        }
    }
}
