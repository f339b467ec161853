package io.quorate.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a decision server runs. {@code decisionLog} is null (no log), {@code "-"} (standard output)
 * or a file path; {@code tokenFile} null means no authentication and no reloading over HTTP;
 * {@code tlsKeystore} null means plain HTTP; {@code spending} says where spends are kept;
 * {@code strictLint} refuses a policy with lint errors (at start and on every reload). Start from
 * {@link #defaults(List)} and change a group of options with its {@code with…} method.
 */
public record ServerOptions(
        List<Path> policy,
        String bind,
        int port,
        boolean watch,
        Duration watchDebounce,
        Path tokenFile,
        Path tlsKeystore,
        String tlsKeystoreType,
        String tlsKeystorePassword,
        String decisionLog,
        int decisionLogQueue,
        Duration decisionLogMaxWait,
        Set<String> decisionLogMask,
        long maxBodyBytes,
        int maxBatch,
        Duration requestTimeout,
        Duration shutdownTimeout,
        int threads,
        Trust trust,
        Spending spending,
        boolean strictLint) {

    /**
     * What the server takes from the client's word: the EOS permissions a transaction says are
     * already satisfied ({@code approvals}), and the time it says it is ({@code context.time}).
     * Both are off by default, since a client could otherwise authorize itself or revive an
     * expired authority; turn one on only when the caller is itself trusted to have checked it.
     */
    public record Trust(boolean approvals, boolean contextTime) {
        public static final Trust NONE = new Trust(false, false);
    }

    /**
     * The spending store behind {@code spent} conditions ({@code docs/spending.md}): the database
     * file (null: none is kept, and every rule about spending denies), how long spends are kept
     * before pruning, and the periods {@code POST /v1/spend} answers with by default.
     */
    public record Spending(Path database, Duration retention, List<Duration> periods) {
        public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
        public static final List<Duration> DEFAULT_PERIODS = List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));
        public static final Spending NONE = new Spending(null, DEFAULT_RETENTION, DEFAULT_PERIODS);

        public Spending {
            periods = List.copyOf(periods);
            for (Duration p : periods) {
                if (p.isNegative() || p.isZero()) throw new IllegalArgumentException("`--spending-periods`: a period is positive");
            }
            if (retention.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException("`--spending-retention " + text(retention) + "`: must be at least 1h");
            }
            if (periods.isEmpty()) throw new IllegalArgumentException("`--spending-periods`: name at least one period");
            for (Duration p : periods) {
                if (p.compareTo(retention) > 0) {
                    throw new IllegalArgumentException("`--spending-periods`: period `" + text(p) + "` is longer than the retention `"
                            + text(retention) + "`");
                }
            }
        }

        private static String text(Duration d) {
            try {
                return io.quorate.spending.Periods.format(d);
            } catch (IllegalArgumentException e) {
                return d.toString();
            }
        }
    }

    public static final int DEFAULT_PORT = 8181;
    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        policy = List.copyOf(policy);
        decisionLogMask = Set.copyOf(decisionLogMask);
        trust = trust == null ? Trust.NONE : trust;
        spending = spending == null ? Spending.NONE : spending;
        if (port < 0 || port > 65_535) throw invalid("--port", port, "must be 0-65535");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 1) throw invalid("--max-body-bytes", maxBodyBytes, "must be 1-" + (Integer.MAX_VALUE - 1));
        if (maxBatch < 1) throw invalid("--max-batch", maxBatch, "must be at least 1");
        if (decisionLogQueue < 1) throw invalid("--decision-log-queue", decisionLogQueue, "must be at least 1");
        if (requestTimeout.toMillis() < 1) throw invalid("--request-timeout-ms", requestTimeout.toMillis(), "must be at least 1");
        if (shutdownTimeout.isNegative()) throw invalid("--shutdown-timeout-ms", shutdownTimeout.toMillis(), "must be 0 or more");
        if (threads < 0) throw invalid("--threads", threads, "must be at least 1 (or 0 for the default)");
        if (watchDebounce.isNegative() || decisionLogMaxWait.isNegative()) throw new IllegalArgumentException("durations must not be negative");
    }

    private static IllegalArgumentException invalid(String option, long value, String rule) {
        return new IllegalArgumentException("`" + option + " " + value + "`: " + rule);
    }

    /** Loopback, port 8181, no watch, no token, no TLS, no decision log, 8 MiB bodies, 10,000 per batch, 10 s per request. */
    public static ServerOptions defaults(List<Path> policy) {
        return new ServerOptions(policy, LOOPBACK, DEFAULT_PORT, false, Duration.ofMillis(250), null, null, "PKCS12", null,
                null, 65_536, Duration.ofSeconds(5), Set.of(), 8L << 20, 10_000, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 0, Trust.NONE, Spending.NONE, false);
    }

    public ServerOptions withPort(int port) {
        return change(c -> c.port = port);
    }

    public ServerOptions withBind(String bind) {
        return change(c -> c.bind = bind);
    }

    public ServerOptions withWatch(boolean watch, Duration debounce) {
        return change(c -> {
            c.watch = watch;
            c.watchDebounce = debounce;
        });
    }

    public ServerOptions withTokenFile(Path tokenFile) {
        return change(c -> c.tokenFile = tokenFile);
    }

    public ServerOptions withTls(Path keystore, String type, String password) {
        return change(c -> {
            c.tlsKeystore = keystore;
            c.tlsKeystoreType = type;
            c.tlsKeystorePassword = password;
        });
    }

    public ServerOptions withDecisionLog(String target, int queue, Duration maxWait, Set<String> mask) {
        return change(c -> {
            c.decisionLog = target;
            c.decisionLogQueue = queue;
            c.decisionLogMaxWait = maxWait;
            c.decisionLogMask = mask;
        });
    }

    public ServerOptions withLimits(long maxBodyBytes, int maxBatch, Duration requestTimeout) {
        return change(c -> {
            c.maxBodyBytes = maxBodyBytes;
            c.maxBatch = maxBatch;
            c.requestTimeout = requestTimeout;
        });
    }

    public ServerOptions withThreads(int threads, Duration shutdownTimeout) {
        return change(c -> {
            c.threads = threads;
            c.shutdownTimeout = shutdownTimeout;
        });
    }

    public ServerOptions withTrust(Trust trust) {
        return change(c -> c.trust = trust);
    }

    public ServerOptions withSpending(Spending spending) {
        return change(c -> c.spending = spending);
    }

    /** With {@code strict}, a policy with unsuppressed error-level lint findings is refused, at start and on every reload. */
    public ServerOptions withStrictLint(boolean strict) {
        return change(c -> c.strictLint = strict);
    }

    /** These options with what {@code edit} sets changed, checked again as any options are. */
    private ServerOptions change(java.util.function.Consumer<Copy> edit) {
        Copy c = new Copy(this);
        edit.accept(c);
        return c.options();
    }

    /** The options as fields a {@code with…} method sets, so each names only what it changes. */
    private static final class Copy {
        private List<Path> policy;
        private String bind;
        private int port;
        private boolean watch;
        private Duration watchDebounce;
        private Path tokenFile;
        private Path tlsKeystore;
        private String tlsKeystoreType;
        private String tlsKeystorePassword;
        private String decisionLog;
        private int decisionLogQueue;
        private Duration decisionLogMaxWait;
        private Set<String> decisionLogMask;
        private long maxBodyBytes;
        private int maxBatch;
        private Duration requestTimeout;
        private Duration shutdownTimeout;
        private int threads;
        private Trust trust;
        private Spending spending;
        private boolean strictLint;

        Copy(ServerOptions o) {
            policy = o.policy;
            bind = o.bind;
            port = o.port;
            watch = o.watch;
            watchDebounce = o.watchDebounce;
            tokenFile = o.tokenFile;
            tlsKeystore = o.tlsKeystore;
            tlsKeystoreType = o.tlsKeystoreType;
            tlsKeystorePassword = o.tlsKeystorePassword;
            decisionLog = o.decisionLog;
            decisionLogQueue = o.decisionLogQueue;
            decisionLogMaxWait = o.decisionLogMaxWait;
            decisionLogMask = o.decisionLogMask;
            maxBodyBytes = o.maxBodyBytes;
            maxBatch = o.maxBatch;
            requestTimeout = o.requestTimeout;
            shutdownTimeout = o.shutdownTimeout;
            threads = o.threads;
            trust = o.trust;
            spending = o.spending;
            strictLint = o.strictLint;
        }

        ServerOptions options() {
            return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                    tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                    requestTimeout, shutdownTimeout, threads, trust, spending, strictLint);
        }
    }
}
