package io.quorate.spending;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The accounts' spending, kept in one SQLite file (see {@code docs/spending.md}): what each
 * account spent of each asset, when, under which id. Every recorded spend is on disk before
 * {@link #record} or {@link #atomically} returns, and survives a crash or a restart.
 *
 * <p>To decide on a limit and record the spend it allows, with no other writer in between, use
 * {@link #atomically}: it holds the account (a lock per account in this process; one process
 * only, enforced by a lock on {@code FILE.lock}) while the work reads, decides and records, and
 * writes the work's spends in one database transaction when the work returns.
 *
 * <p>Thread-safe. Windows are {@code (from, to]}: see {@link Ledger}.
 */
public final class SpendingStore implements AutoCloseable {

    /**
     * How long {@link #atomically} waits for an account another thread holds, and a statement for
     * a write of another connection, before giving up.
     */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);
    private static final int READERS = 4;
    private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

    private record Held(SpendingStore store, AccountLedger ledger) {
    }

    private final SpendDatabase db;
    private final FileChannel lockFile;
    private final FileLock processLock;
    private final AccountLocks locks = new AccountLocks();
    private final Duration lockWait;
    private final Clock clock;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    /** Why the last read or write of the database failed, until one succeeds again; null while all is well. */
    private volatile String failure;

    private SpendingStore(SpendDatabase db, FileChannel lockFile, FileLock processLock, Duration lockWait, Clock clock) {
        this.db = db;
        this.lockFile = lockFile;
        this.processLock = processLock;
        this.lockWait = lockWait;
        this.clock = clock;
    }

    /** Opens the store at {@code file}, creating it (not its directory) when absent. */
    public static SpendingStore open(Path file) throws IOException {
        return open(file, DEFAULT_LOCK_WAIT, Clock.systemUTC());
    }

    /**
     * Opens the store at {@code file}. {@code lockWait} bounds every wait for another thread or
     * connection; {@code clock} stamps when each spend was recorded.
     *
     * @throws IOException when the file cannot be opened as a spending store, or another process has it open
     */
    public static SpendingStore open(Path file, Duration lockWait, Clock clock) throws IOException {
        Path lockPath = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        if (!Files.isDirectory(lockPath.getParent())) {
            throw new IOException("spending store `" + file + "`: directory `" + lockPath.getParent() + "` does not exist");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("spending store `" + file + "`: cannot open `" + lockPath + "`: " + e.getClass().getSimpleName(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("spending store `" + file + "` is in use by another quorate (`" + lockPath + "` is locked)");
        }
        try {
            SpendDatabase db = SpendDatabase.open(file, READERS, SpendDatabase.nanos(clock.instant()),
                    (int) Math.min(Integer.MAX_VALUE, Math.max(1, lockWait.toMillis())));
            return new SpendingStore(db, channel, lock, lockWait, clock);
        } catch (SQLException | RuntimeException e) {
            lock.release();
            channel.close();
            throw new IOException("spending store `" + file + "`: " + message(e), e);
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.startsWith("[") && m.contains("] ") ? m.substring(m.indexOf("] ") + 2) : m;
    }

    public Path file() {
        return db.file();
    }

    /** When the store was created: it knows nothing spent before, unless it was recorded with an earlier time. */
    public Instant created() {
        return SpendDatabase.instant(db.created());
    }

    /** Spends at or before this time may have been pruned; null when none were. */
    public Instant prunedThrough() {
        long p = db.prunedThrough();
        return p == Long.MIN_VALUE ? null : SpendDatabase.instant(p);
    }

    /**
     * Runs {@code work} holding {@code account}: no other {@code atomically} or {@link #record}
     * for the account runs until it returns, and what it records is written in one transaction
     * when it returns normally (if the work or the write fails, nothing of it is recorded and the
     * failure is thrown). Inside, {@code atomically} again for the same account joins the work;
     * for another account it is refused, so two works can never wait for each other.
     *
     * @throws SpendingUnavailableException when the account stays held by others past the lock
     *         wait, or the database fails
     */
    public <T> T atomically(String account, Function<Ledger, T> work) {
        Held held = HELD.get();
        if (held != null) {
            if (held.store == this && held.ledger.account().equals(account)) return work.apply(held.ledger);
            throw new IllegalStateException("already holding account `" + held.ledger.account() + "`: hold one account at a time");
        }
        ReentrantLock lock = locks.of(account);
        acquire(lock, account);
        try {
            AccountLedger ledger = new AccountLedger(account);
            HELD.set(new Held(this, ledger));
            T result;
            try {
                result = work.apply(ledger);
            } finally {
                HELD.remove();
            }
            ledger.commit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void acquire(ReentrantLock lock, String account) {
        try {
            if (!lock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SpendingUnavailableException("account `" + account + "` stayed busy for " + lockWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpendingUnavailableException("interrupted while waiting for account `" + account + "`");
        }
    }

    /** Records one spend (holding its account). True when new, false when the same spend was already recorded under its id. */
    public boolean record(Spend spend) {
        return atomically(spend.account(), ledger -> ledger.record(spend));
    }

    /** What {@code account} spent of {@code asset} in {@code (at - period, at]}. */
    public SpentSum spent(String account, String asset, Duration period, Instant at) {
        return spent(account, asset, at.minus(period), at);
    }

    /** What {@code account} spent of {@code asset} after {@code fromExclusive}, up to {@code toInclusive} (null: with no end). */
    public SpentSum spent(String account, String asset, Instant fromExclusive, Instant toInclusive) {
        long from = SpendDatabase.nanos(fromExclusive);
        long to = toInclusive == null ? Long.MAX_VALUE : SpendDatabase.nanos(toInclusive);
        return read(() -> {
            if (from < db.prunedThrough()) {
                throw new SpendingUnavailableException("spending after " + fromExclusive + " is no longer kept: spends through "
                        + SpendDatabase.instant(db.prunedThrough()) + " were pruned");
            }
            return db.sum(account, asset, from, to);
        });
    }

    /** The spend recorded for {@code account} under {@code id}. */
    public Optional<Spend> find(String account, String id) {
        return read(() -> db.find(account, id));
    }

    /**
     * Deletes the spends at or before {@code through}. From then on a window reaching back to it
     * is refused ({@link SpendingUnavailableException}) rather than answered short. Returns how
     * many spends were deleted.
     */
    public long prune(Instant through) {
        return read(() -> db.prune(SpendDatabase.nanos(through)));
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /**
     * Why the last use of the database failed (a full disk, an I/O error), as a message; null
     * once a later use succeeded, or when none failed. For health checks: while it is set,
     * decisions about spending are likely denying.
     */
    public String failure() {
        return failure;
    }

    private <T> T read(Query<T> q) {
        lifecycle.readLock().lock();
        try {
            if (closed) throw new SpendingUnavailableException("the spending store `" + db.file() + "` is closed");
            T result = q.run();
            failure = null;
            return result;
        } catch (SQLException e) {
            String m = "the spending store `" + db.file() + "` failed: " + message(e);
            failure = m;
            throw new SpendingUnavailableException(m, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for reads and writes under way, then closes the database and releases the file. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            db.close();
            try {
                processLock.release();
                lockFile.close();
            } catch (IOException e) {
                // the process lock goes with the process anyway
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** The ledger of one {@link #atomically} work: reads the store plus what the work recorded so far. */
    private final class AccountLedger implements Ledger {
        private final String account;
        private final Map<String, Spend> pending = new LinkedHashMap<>();

        AccountLedger(String account) {
            this.account = account;
        }

        @Override
        public String account() {
            return account;
        }

        @Override
        public SpentSum spent(String asset, Instant fromExclusive, Instant toInclusive) {
            SpentSum sum = SpendingStore.this.spent(account, asset, fromExclusive, toInclusive);
            for (Spend s : pending.values()) {
                if (s.asset().equals(asset) && s.time().isAfter(fromExclusive) && (toInclusive == null || !s.time().isAfter(toInclusive))) {
                    sum = sum.plus(s.amount());
                }
            }
            return sum;
        }

        @Override
        public Optional<Spend> find(String id) {
            Spend p = pending.get(id);
            return p != null ? Optional.of(p) : SpendingStore.this.find(account, id);
        }

        @Override
        public boolean record(Spend spend) {
            if (!spend.account().equals(account)) {
                throw new IllegalArgumentException("a spend of account `" + spend.account() + "` recorded while holding `" + account + "`");
            }
            Optional<Spend> known = find(spend.id());
            if (known.isPresent()) {
                if (known.get().sameAs(spend)) return false;
                throw new SpendConflictException(spend, known.get());
            }
            pending.put(spend.id(), spend);
            return true;
        }

        void commit() {
            if (pending.isEmpty()) return;
            List<Spend> spends = new ArrayList<>(pending.values());
            read(() -> {
                db.insert(spends, SpendDatabase.nanos(clock.instant()));
                return null;
            });
        }
    }
}
