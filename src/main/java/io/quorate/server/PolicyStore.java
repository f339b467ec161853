package io.quorate.server;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy being served and its reloads. Loading and compiling run on one background thread,
 * never on a request's; a policy that compiles replaces the served one in a single atomic write,
 * and one that does not is recorded as the last failure while the previous policy keeps serving.
 * Requests for a reload that arrive while one is waiting to run share it.
 *
 * <p>Every load (the first, a watched change, a reload over HTTP) lints the new policy with the
 * linter of {@code quorate lint}, on the same thread, before the swap: its findings serve with it.
 * Under {@code strict}, a policy with an unsuppressed error-level finding (or one the linter fails
 * on) is refused like one that does not compile.
 */
final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    /** What a reload did: {@code serving} is the policy served afterwards (null if none ever compiled). */
    record Result(boolean ok, boolean changed, ServingPolicy serving, ReloadFailure failure) {
    }

    private final List<Path> paths;
    private final ServerMetrics metrics;
    private final AtomicReference<ServingPolicy> current = new AtomicReference<>();
    private final AtomicLong swaps = new AtomicLong();
    private volatile ReloadFailure lastFailure;
    private final ExecutorService compiler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quorate-policy-compiler");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Result> queued;

    /** Without a spending store ({@code retention} null), no retention to check the policy's spent periods against. */
    private final java.time.Duration retention;

    /** Under {@code --strict}, a policy with lint errors is refused. */
    private final boolean strictLint;

    PolicyStore(List<Path> paths, ServerMetrics metrics) {
        this(paths, metrics, null, false);
    }

    /**
     * A store whose policies are refused when a {@code spent} period is longer than {@code retention}
     * (when not null), and, with {@code strictLint}, when they have lint errors.
     */
    PolicyStore(List<Path> paths, ServerMetrics metrics, java.time.Duration retention, boolean strictLint) {
        this.paths = List.copyOf(paths);
        this.metrics = metrics;
        this.retention = retention;
        this.strictLint = strictLint;
    }

    /** The policy to decide with, or null while none has compiled. */
    ServingPolicy current() {
        return current.get();
    }

    /** The last rejected reload, or null when the last reload succeeded. */
    ReloadFailure lastFailure() {
        return lastFailure;
    }

    /** How many times a new policy has replaced the served one. */
    long swaps() {
        return swaps.get();
    }

    /** Loads and compiles the policy files again, in the background; {@code trigger} says why (for the log). */
    synchronized CompletableFuture<Result> reload(String trigger) {
        if (queued != null) return queued;
        CompletableFuture<Result> next = new CompletableFuture<>();
        queued = next;
        try {
            compiler.execute(() -> {
                synchronized (this) {
                    if (queued == next) queued = null;
                }
                next.complete(run(trigger));
            });
        } catch (RuntimeException rejected) {
            queued = null;
            next.complete(new Result(false, false, current(), new ReloadFailure(Instant.now(), "the server is shutting down", List.of())));
        }
        return next;
    }

    private Result run(String trigger) {
        long start = System.nanoTime();
        try {
            PolicySet source = PolicyLoader.load(paths);
            ServingPolicy before = current.get();
            if (before != null && before.revision().equals(source.revision())) {
                lastFailure = null;
                metrics.reload("unchanged");
                LOG.info("policy {} unchanged ({}): nothing to compile", before.revision(), trigger);
                return new Result(true, false, before, null);
            }
            if (retention != null) {
                List<Diagnostic> beyond = RetentionCheck.check(source, retention);
                if (!beyond.isEmpty()) {
                    return fail(trigger, beyond.size() + (beyond.size() == 1 ? " spending limit" : " spending limits")
                            + " over a longer period than the spending kept", beyond);
                }
            }
            // Under --strict the lint decides whether the policy may serve, so it runs first; otherwise
            // the new revision serves as soon as it is built and is linted right after, so a reload
            // takes no longer to take effect than loading and building does.
            ServedLint lint = strictLint ? ServedLint.of(source) : null;
            if (lint != null && lint.refusedWhenStrict()) {
                int errors = lint.errors().size();
                String message = lint.failure() != null ? "the linter failed on the policy (--strict): " + lint.failure()
                        : "the policy has " + errors + (errors == 1 ? " lint error" : " lint errors") + " (--strict)";
                return fail(trigger, message, List.of(), lint);
            }
            PreparedPolicy prepared = Quorate.prepare(source);
            ServingPolicy now = new ServingPolicy(prepared, source, prepared.revision(), Instant.now(),
                    (System.nanoTime() - start) / 1_000_000, lint);
            current.set(now);
            // Requests still holding the old revision finish on it; its per-thread sessions are freed.
            if (before != null) before.prepared().close();
            swaps.incrementAndGet();
            lastFailure = null;
            metrics.reload("success");
            metrics.serving(now);
            LOG.info("policy {} loaded ({}): {} accounts in {} ms", now.revision(), trigger, source.accounts().size(),
                    now.compileMillis());
            if (lint == null) {
                lint = ServedLint.of(source);
                // The same revision with its lint; a reload queued meanwhile runs on this thread after this one.
                ServingPolicy linted = now.withLint(lint);
                if (current.compareAndSet(now, linted)) now = linted;
            }
            LOG.info("policy {} lint: {}", now.revision(), lint.counts());
            lint.errorLines().stream().limit(20).forEach(l -> LOG.warn("  {}", l));
            return new Result(true, true, now, null);
        } catch (InputException e) {
            return fail(trigger, e.diagnostics().size() + (e.diagnostics().size() == 1 ? " problem" : " problems")
                    + " in the policy", e.diagnostics());
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return fail(trigger, "the policy failed to compile: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), List.of());
        }
    }

    private Result fail(String trigger, String message, List<Diagnostic> diagnostics) {
        return fail(trigger, message, diagnostics, null);
    }

    private Result fail(String trigger, String message, List<Diagnostic> diagnostics, ServedLint lint) {
        ReloadFailure failure = new ReloadFailure(Instant.now(), message, diagnostics, lint);
        lastFailure = failure;
        metrics.reload("failure");
        ServingPolicy kept = current.get();
        LOG.warn("policy reload ({}) rejected: {}; {}", trigger, message,
                kept == null ? "no policy is serving" : "still serving " + kept.revision());
        diagnostics.stream().limit(20).forEach(d -> LOG.warn("  {}", d.render()));
        if (lint != null) lint.errorLines().stream().limit(20).forEach(l -> LOG.warn("  {}", l));
        return new Result(false, false, kept, failure);
    }

    @Override
    public void close() {
        compiler.shutdownNow();
        try {
            compiler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
