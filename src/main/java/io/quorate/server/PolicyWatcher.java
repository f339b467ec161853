package io.quorate.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policy when its files change. Every directory of the policy set is watched (new
 * subdirectories too), and a policy given as a file is watched through its directory. Changes are
 * debounced: an editor's save or a deployment's copy of many files makes one reload, once things
 * have been quiet for the debounce time. Only {@code *.yaml} and {@code *.yml} names count.
 */
final class PolicyWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyWatcher.class);

    private final PolicyStore store;
    private final Duration debounce;
    private final WatchService watch;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    /** Directories watched for the sake of single files, with the file names that count. */
    private final Map<Path, Set<String>> files = new HashMap<>();
    private final Set<Path> trees = new HashSet<>();
    private final Thread thread;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quorate-policy-watch-debounce");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    PolicyWatcher(List<Path> paths, PolicyStore store, Duration debounce) throws IOException {
        this.store = store;
        this.debounce = debounce;
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                trees.add(abs);
                registerTree(abs);
            } else {
                Path parent = abs.getParent();
                files.computeIfAbsent(parent, d -> new HashSet<>()).add(abs.getFileName().toString());
                register(parent);
            }
        }
        this.thread = new Thread(this::run, "quorate-policy-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) register(d);
        }
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        dirs.put(key, dir);
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = dirs.get(key);
            boolean relevant = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    relevant = true;
                    continue;
                }
                if (dir == null) continue;
                Path changed = dir.resolve((Path) event.context());
                relevant |= counts(dir, changed);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed) && inTree(changed)) {
                    try {
                        registerTree(changed);
                        relevant = true;
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", changed, e.toString());
                    }
                }
            }
            if (!key.reset()) dirs.remove(key);
            if (relevant) schedule();
        }
    }

    private boolean counts(Path dir, Path changed) {
        String name = changed.getFileName().toString();
        Set<String> only = files.get(dir);
        if (only != null && only.contains(name)) return true;
        if (!inTree(changed)) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || Files.isDirectory(changed);
    }

    private boolean inTree(Path p) {
        for (Path root : trees) if (p.startsWith(root)) return true;
        return false;
    }

    private synchronized void schedule() {
        if (pending != null) pending.cancel(false);
        pending = timer.schedule(() -> store.reload("policy files changed"), debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.interrupt();
        timer.shutdownNow();
        try {
            watch.close();
        } catch (IOException e) {
            LOG.warn("closing the policy watch: {}", e.toString());
        }
    }
}
