package io.quorate.stream;

import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PolicySlot} on the revision in the policy files, as {@code serve --watch} does:
 * the directories holding them are watched, changes are debounced so a deployment copying many
 * files makes one reload, and a policy that does not load or compile is logged while the
 * previous revision keeps deciding. Only a changed revision is compiled.
 */
public final class PolicyFileWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatch.class);

    private final List<Path> paths;
    private final PolicySlot slot;
    private final Duration debounce;
    private final WatchService watch;
    private final Thread thread;
    private final ScheduledExecutorService loader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quorate-stream-policy-loader");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    private PolicyFileWatch(List<Path> paths, PolicySlot slot, Duration debounce) throws IOException {
        this.paths = List.copyOf(paths);
        this.slot = slot;
        this.debounce = debounce;
        this.watch = FileSystems.getDefault().newWatchService();
        registerDirectories();
        this.thread = new Thread(this::run, "quorate-stream-policy-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Loads the policy files into {@code slot} now (their problems are in the exception), then watches them. */
    public static PolicyFileWatch start(List<Path> paths, PolicySlot slot, Duration debounce) throws InputException, IOException {
        slot.install(PolicyLoader.load(paths));
        return new PolicyFileWatch(paths, slot, debounce);
    }

    /** Loads the files again now; false when they do not load or compile (the previous revision stays). */
    public boolean reload() {
        try {
            registerDirectories();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot watch the policy directories: {}", e.toString());
        }
        try {
            PolicySet source = PolicyLoader.load(paths);
            if (slot.install(source)) LOG.info("policy {} installed: {} accounts", source.revision(), source.accounts().size());
            return true;
        } catch (InputException e) {
            PolicyReloadLog.rejected(LOG, "policy files", e.diagnostics(), slot.current());
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            PolicyReloadLog.failed(LOG, "policy files", e, slot.current());
        }
        return false;
    }

    /** Watches every directory of the policy, those created since the last time too (registering twice is harmless). */
    private void registerDirectories() throws IOException {
        for (Path dir : directories(paths)) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private static Set<Path> directories(List<Path> paths) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                dirs.add(abs.getParent());
                continue;
            }
            try (Stream<Path> walk = Files.walk(abs)) {
                walk.filter(Files::isDirectory).forEach(dirs::add);
            }
        }
        return dirs;
    }

    private void run() {
        while (true) {
            try {
                var key = watch.take();
                key.pollEvents();
                key.reset();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            schedule();
        }
    }

    private synchronized void schedule() {
        if (pending != null) pending.cancel(false);
        pending = loader.schedule(this::reload, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.interrupt();
        loader.shutdownNow();
        try {
            watch.close();
        } catch (IOException e) {
            LOG.warn("closing the policy watch: {}", e.toString());
        }
    }
}
