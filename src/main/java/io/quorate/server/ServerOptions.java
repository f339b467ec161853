package io.quorate.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a decision server runs. {@code decisionLog} is null (no log), {@code "-"} (standard output)
 * or a file path; {@code tokenFile} null means no authentication and no reloading over HTTP;
 * {@code tlsKeystore} null means plain HTTP. Start from {@link #defaults(List)}.
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
        int threads) {

    public static final int DEFAULT_PORT = 8181;
    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        policy = List.copyOf(policy);
        decisionLogMask = Set.copyOf(decisionLogMask);
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port " + port + " is not 0-65535");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 1) throw new IllegalArgumentException("max body bytes out of range");
        if (maxBatch < 1) throw new IllegalArgumentException("max batch must be at least 1");
        if (decisionLogQueue < 1) throw new IllegalArgumentException("the decision log queue holds at least 1 entry");
    }

    /** Loopback, port 8181, no watch, no token, no TLS, no decision log, 8 MiB bodies, 10,000 per batch, 10 s per request. */
    public static ServerOptions defaults(List<Path> policy) {
        return new ServerOptions(policy, LOOPBACK, DEFAULT_PORT, false, Duration.ofMillis(250), null, null, "PKCS12", null,
                null, 65_536, Duration.ofSeconds(5), Set.of(), 8L << 20, 10_000, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 0);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withBind(String bind) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withWatch(boolean watch, Duration debounce) {
        return new ServerOptions(policy, bind, port, watch, debounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withTokenFile(Path tokenFile) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withTls(Path keystore, String type, String password) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, keystore, type, password,
                decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withDecisionLog(String target, int queue, Duration maxWait, Set<String> mask) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, target, queue, maxWait, mask, maxBodyBytes, maxBatch, requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withLimits(long maxBodyBytes, int maxBatch, Duration requestTimeout) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }

    public ServerOptions withThreads(int threads, Duration shutdownTimeout) {
        return new ServerOptions(policy, bind, port, watch, watchDebounce, tokenFile, tlsKeystore, tlsKeystoreType,
                tlsKeystorePassword, decisionLog, decisionLogQueue, decisionLogMaxWait, decisionLogMask, maxBodyBytes, maxBatch,
                requestTimeout, shutdownTimeout, threads);
    }
}
