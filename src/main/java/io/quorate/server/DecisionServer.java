package io.quorate.server;

import io.quorate.spending.SpendingLimits;
import io.quorate.spending.SpendingStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The decision service: Jetty serving the v1 API over the policy store, with the decision log,
 * the metrics and, if asked, the policy watcher. The policy compiles in the background after
 * {@link #start}, and the server reports ready once it has. {@link #close} shuts down gracefully:
 * it stops accepting, lets in-flight requests finish (up to the shutdown timeout), then drains and
 * flushes the decision log.
 */
public final class DecisionServer implements AutoCloseable {

    private final ServerOptions options;
    private final ServerMetrics metrics;
    private final PolicyStore store;
    private final DecisionLog log;
    private final Server jetty;
    private final ServerConnector connector;
    private final WatchState watchState;
    private final SpendingLimits spending;
    private ScheduledExecutorService pruner;
    private PolicyWatcher watcher;
    /** Whether the first load made a policy serve; not its result, which would hold that policy for good. */
    private CompletableFuture<Boolean> firstLoad = new CompletableFuture<>();
    private boolean closed;

    private DecisionServer(ServerOptions options) throws IOException {
        // Checked before anything starts, so a bad keystore leaves no thread behind.
        if (options.tlsKeystore() != null) TlsKeystore.check(options.tlsKeystore(), options.tlsKeystoreType(), options.tlsKeystorePassword());
        this.options = options;
        this.metrics = new ServerMetrics();
        this.store = new PolicyStore(options.policy(), metrics,
                options.spending().database() == null ? null : options.spending().retention(), options.strictLint());
        BearerAuth auth = options.tokenFile() == null ? null : BearerAuth.fromFile(options.tokenFile());
        this.log = options.decisionLog() == null ? null : DecisionLog.open(options.decisionLog(), options.decisionLogQueue(),
                options.decisionLogMaxWait(), LogMask.of(options.decisionLogMask()));
        this.watchState = new WatchState(options.watch());
        metrics.gauges(store, log, watchState);
        this.spending = openSpending(options.spending());
        spending.store().ifPresent(metrics::spending);

        QueuedThreadPool pool = pool(options.threads());
        this.jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (options.tlsKeystore() != null) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(options.tlsKeystore().toString());
            tls.setKeyStoreType(options.tlsKeystoreType());
            if (options.tlsKeystorePassword() != null) tls.setKeyStorePassword(options.tlsKeystorePassword());
            http.addCustomizer(new SecureRequestCustomizer(false));
            this.connector = new ServerConnector(jetty, null, null, null, acceptors(options), selectors(options),
                    AbstractConnectionFactory.getFactories(tls, new HttpConnectionFactory(http)));
        } else {
            this.connector = new ServerConnector(jetty, acceptors(options), selectors(options), new HttpConnectionFactory(http));
        }
        connector.setHost(options.bind());
        connector.setPort(options.port());
        connector.setIdleTimeout(Math.max(30_000, options.requestTimeout().toMillis()));
        jetty.addConnector(connector);

        Decider decider = new Decider(metrics, log, new ServedSpending(spending, options.trust().contextTime()));
        RequestBody body = new RequestBody(options.maxBodyBytes());
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(store, decider, body, options.maxBatch(),
                new ClientTrust(options.trust(), java.time.Clock.systemUTC()), new SpendRecorder(spending, java.time.Clock.systemUTC()));
        PolicyEndpoint policy = new PolicyEndpoint(store, options.policy(), watchState);
        HealthEndpoint health = new HealthEndpoint(store, log, watchState, spending.store().orElse(null));
        MetricsEndpoint scrape = new MetricsEndpoint(metrics);
        LintEndpoint lint = new LintEndpoint(store, body);
        PlanEndpoint plan = new PlanEndpoint(store, body);
        SpendEndpoint spend = new SpendEndpoint(spending, options.spending(), body, java.time.Clock.systemUTC());
        Router router = new Router(auth, metrics, options.requestTimeout().toNanos())
                .route("POST", "/v1/authorize", "authorize", Router.Guard.TOKEN_IF_CONFIGURED, authorize::single)
                .route("POST", "/v1/authorize/batch", "authorize-batch", Router.Guard.TOKEN_IF_CONFIGURED, authorize::batch)
                .route("POST", "/v1/lint", "lint", Router.Guard.TOKEN_IF_CONFIGURED, lint::lint)
                .route("POST", "/v1/plan", "plan", Router.Guard.TOKEN_IF_CONFIGURED, plan::plan)
                .route("POST", "/v1/spend", "spend", Router.Guard.TOKEN_IF_CONFIGURED, SpendEndpoint.guarded(spend::record))
                .route("GET", "/v1/spent", "spent", Router.Guard.TOKEN_IF_CONFIGURED, SpendEndpoint.guarded(spend::spent))
                .route("GET", "/v1/policy", "policy", Router.Guard.TOKEN_IF_CONFIGURED, policy::get)
                .route("POST", "/v1/policy/reload", "policy-reload", Router.Guard.TOKEN_REQUIRED, policy::reload)
                .route("GET", "/v1/openapi.json", "openapi", Router.Guard.TOKEN_IF_CONFIGURED, new OpenApiEndpoint()::get)
                .route("GET", "/health", "health", Router.Guard.OPEN, health::ready)
                .route("GET", "/health/ready", "health", Router.Guard.OPEN, health::ready)
                .route("GET", "/health/live", "health", Router.Guard.OPEN, health::live)
                .route("GET", "/metrics", "metrics", Router.Guard.OPEN, scrape::get);
        jetty.setHandler(new GracefulHandler(limitConcurrency(router, options)));
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(options.shutdownTimeout().toMillis());
        jetty.setStopAtShutdown(false);
    }

    /** The store at {@code --spending-db}, or none: then every question about spending fails closed. */
    private SpendingLimits openSpending(ServerOptions.Spending spending) {
        if (spending.database() == null) {
            return SpendingLimits.none("the service keeps no spending: start it with `--spending-db PATH`");
        }
        try {
            return SpendingLimits.over(SpendingStore.open(spending.database()));
        } catch (IOException e) {
            if (log != null) log.close();
            metrics.close();
            throw new IllegalArgumentException("`--spending-db`: " + e.getMessage(), e);
        }
    }

    /** Every {@code retention / 24}, at least a minute apart and at most an hour, spends older than the retention are deleted. */
    private void startPruning() {
        SpendingStore s = spending.store().orElse(null);
        if (s == null) return;
        Duration retention = options.spending().retention();
        long every = Math.max(60, Math.min(3600, retention.toSeconds() / 24));
        pruner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quorate-spending-prune");
            t.setDaemon(true);
            return t;
        });
        pruner.scheduleWithFixedDelay(() -> {
            try {
                s.prune(java.time.Instant.now().minus(retention));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DecisionServer.class).warn("pruning spends: {}", e.getMessage());
            }
        }, 0, every, TimeUnit.SECONDS);
    }

    /**
     * With {@code --threads}, one thread accepts connections and one watches them for input, and
     * the rest of the pool answers requests; without it, Jetty sizes both from the processors (-1).
     */
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private static int acceptors(ServerOptions options) {
        return options.threads() > 0 ? ACCEPTORS : -1;
    }

    private static int selectors(ServerOptions options) {
        return options.threads() > 0 ? SELECTORS : -1;
    }

    /** Threads beyond the request threads that deliver request bodies to the requests waiting for them. */
    private static final int IO_THREADS = 2;

    /**
     * {@code --threads N} counts the threads that answer requests. A request blocks its thread
     * while its body arrives, and the body is delivered by another pool thread; so Jetty's
     * acceptor and selector and two delivering threads come on top, and at most N requests are
     * handled at once (the rest wait their turn, see {@link #limitConcurrency}), so that the
     * requests can never take every thread and starve their own bodies.
     */
    private static QueuedThreadPool pool(int requestThreads) {
        int max = requestThreads + ACCEPTORS + SELECTORS + IO_THREADS;
        QueuedThreadPool pool = requestThreads > 0 ? new QueuedThreadPool(max, Math.min(8, max)) : new QueuedThreadPool();
        if (requestThreads > 0) pool.setReservedThreads(0);
        pool.setName("quorate-http");
        return pool;
    }

    /** With {@code --threads N}, N requests are handled at once; others wait, up to the request time limit. */
    private static Handler limitConcurrency(Handler router, ServerOptions options) {
        if (options.threads() <= 0) return router;
        QoSHandler limit = new QoSHandler(router);
        limit.setMaxRequestCount(options.threads());
        limit.setMaxSuspend(options.requestTimeout());
        return limit;
    }

    /** Starts listening, then loads and compiles the policy in the background (and watches it, with --watch). */
    public static DecisionServer start(ServerOptions options) throws Exception {
        DecisionServer s = new DecisionServer(options);
        try {
            s.jetty.start();
            s.startPruning();
            s.firstLoad = s.store.reload("startup").thenApply(r -> r.serving() != null);
            if (options.watch()) s.watcher = new PolicyWatcher(options.policy(), s.store, options.watchDebounce(), s.watchState);
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The port listened on (the one chosen by the system when the options said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return URI.create((options.tlsKeystore() == null ? "http" : "https") + "://" + host + ":" + port());
    }

    /** Waits until a policy is serving or a load has failed; true when one serves. */
    public boolean awaitFirstLoad(Duration timeout) throws InterruptedException {
        try {
            return firstLoad.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** The revision serving, or null while none is. */
    public String revision() {
        ServingPolicy s = store.current();
        return s == null ? null : s.revision();
    }

    /** The policy serving, or null while none is. */
    ServingPolicy serving() {
        return store.current();
    }

    /**
     * Spending as decisions see it: {@link SpendingLimits#spent} answers a {@code spent}
     * condition, {@link SpendingLimits#decideAndRecord} decides and records a spend atomically
     * for its account. Without {@code --spending-db}, every question fails closed.
     */
    public SpendingLimits spending() {
        return spending;
    }

    /** Why the last reload was rejected, as text, or null. */
    public String lastReloadError() {
        ReloadFailure f = store.lastFailure();
        if (f == null) return null;
        StringBuilder sb = new StringBuilder(f.message());
        f.diagnostics().forEach(d -> sb.append('\n').append(d.render()));
        return sb.toString();
    }

    /**
     * The lint errors (unsuppressed error-level findings) of the policy serving, one line each
     * ({@code file:line:column: lint error[check]: message}), or, when none serves and the last load
     * was refused for them ({@link ServerOptions#strictLint}), of the refused policy.
     */
    public java.util.List<String> lintErrors() {
        ServingPolicy s = store.current();
        if (s != null) return s.lint() == null ? java.util.List.of() : s.lint().errorLines();
        ReloadFailure f = store.lastFailure();
        return f == null || f.lint() == null ? java.util.List.of() : f.lint().errorLines();
    }

    /** True when no policy serves because the last load was refused for its lint errors ({@link ServerOptions#strictLint}). */
    public boolean refusedForLint() {
        ReloadFailure f = store.lastFailure();
        return store.current() == null && f != null && f.lint() != null;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Graceful: stop accepting, finish in-flight requests, then drain and flush the decision log. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            jetty.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(DecisionServer.class).warn("stopping the HTTP server: {}", e.toString());
        }
        if (watcher != null) watcher.close();
        if (pruner != null) pruner.shutdownNow();
        spending.store().ifPresent(SpendingStore::close);
        store.close();
        if (log != null) log.close();
        metrics.close();
    }
}
