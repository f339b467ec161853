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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A watch follows a directory, not its path: a directory moved away keeps reporting from its
 * new place, and one deleted stops reporting. So every second the watcher resolves each path
 * again; when it now names another directory (replaced by a deployment, say) the new one is
 * watched and the policy reloaded, and while it names nothing the {@link WatchState} says so.
 */
final class PolicyWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyWatcher.class);
    private static final Duration RESOLVE_EVERY = Duration.ofSeconds(1);

    /** A directory watched for the policy: a whole tree, or only some file names in it. */
    private static final class Root {
        final Path dir;
        final boolean tree;
        final Set<String> names = new HashSet<>();
        /** The identity (device and inode) of the directory being watched; null while none is. */
        Object watched;

        Root(Path dir, boolean tree) {
            this.dir = dir;
            this.tree = tree;
        }
    }

    private final PolicyStore store;
    private final Duration debounce;
    private final WatchState state;
    private final WatchService watch;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Map<Path, Root> roots = new LinkedHashMap<>();
    private final Thread thread;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quorate-policy-watch-timer");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    PolicyWatcher(List<Path> paths, PolicyStore store, Duration debounce, WatchState state) throws IOException {
        this.store = store;
        this.debounce = debounce;
        this.state = state;
        this.watch = FileSystems.getDefault().newWatchService();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                roots.computeIfAbsent(abs, d -> new Root(d, true));
            } else {
                Root parent = roots.computeIfAbsent(abs.getParent(), d -> new Root(d, false));
                parent.names.add(abs.getFileName().toString());
            }
        }
        synchronized (this) {
            for (Root root : roots.values()) {
                root.watched = identity(root.dir);
                registerRoot(root);
            }
        }
        this.thread = new Thread(this::run, "quorate-policy-watch");
        this.thread.setDaemon(true);
        this.thread.start();
        timer.scheduleWithFixedDelay(this::resolve, RESOLVE_EVERY.toMillis(), RESOLVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void registerRoot(Root root) throws IOException {
        if (!root.tree) {
            register(root.dir);
            return;
        }
        registerTree(root.dir);
    }

    private void registerTree(Path top) throws IOException {
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) register(d);
        }
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        dirs.put(key, dir);
    }

    /**
     * The directory's identity, so a replaced directory is told from the one watched; null when
     * there is none. Links are followed: a policy path that is a link swapped to a new directory
     * (as configuration volumes are updated) counts as replaced.
     */
    private static Object identity(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            if (!a.isDirectory()) return null;
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** Resolves every watched path again: watches a directory that replaced the one watched, and reports one that is gone. */
    synchronized void resolve() {
        List<String> problems = new ArrayList<>();
        boolean replaced = false;
        for (Root root : roots.values()) {
            Object now = identity(root.dir);
            if (now == null) {
                if (root.watched != null) LOG.warn("policy directory {} is gone: watching for it to come back", root.dir);
                unregister(root);
                root.watched = null;
                problems.add("policy directory `" + root.dir + "` is missing: the policy serving may be out of date");
                continue;
            }
            if (Objects.equals(now, root.watched)) continue;
            unregister(root);
            try {
                registerRoot(root);
                root.watched = now;
                replaced = true;
                LOG.warn("policy directory {} was replaced: watching the new one", root.dir);
            } catch (IOException | RuntimeException e) {
                root.watched = null;
                problems.add("policy directory `" + root.dir + "` cannot be watched: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            state.restored();
        } else {
            state.lost(String.join("; ", problems));
        }
        if (replaced) schedule();
    }

    private void unregister(Root root) {
        dirs.entrySet().removeIf(e -> {
            boolean under = root.tree ? e.getValue().startsWith(root.dir) : e.getValue().equals(root.dir);
            if (under) e.getKey().cancel();
            return under;
        });
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
                        synchronized (this) {
                            registerTree(changed);
                        }
                        relevant = true;
                    } catch (IOException e) {
                        LOG.warn("cannot watch {}: {}", changed, e.toString());
                    }
                }
            }
            if (!key.reset()) {
                dirs.remove(key);
                // A watched directory went away: find out now rather than at the next periodic check.
                timer.execute(this::resolve);
            }
            if (relevant) schedule();
        }
    }

    private boolean counts(Path dir, Path changed) {
        String name = changed.getFileName().toString();
        Root root = roots.get(dir);
        if (root != null && root.names.contains(name)) return true;
        if (!inTree(changed)) return false;
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || Files.isDirectory(changed);
    }

    private boolean inTree(Path p) {
        for (Root root : roots.values()) if (root.tree && p.startsWith(root.dir)) return true;
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
