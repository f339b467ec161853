package io.quorate.cli;

import io.quorate.server.DecisionServer;
import io.quorate.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", sortOptions = false,
        description = {"Serve decisions over HTTP (API v1), reloading the policy when it changes.",
                "POST /v1/authorize, /v1/authorize/batch, /v1/lint, /v1/plan, /v1/spend; GET /v1/spent, /v1/policy, POST /v1/policy/reload; GET /health, /metrics.",
                "See docs/server.md."},
        footer = {"", "Runs until SIGTERM or SIGINT, then stops accepting, finishes in-flight requests and flushes the decision log.",
                "Exit codes: 0 stopped, 2 the server cannot start with these options (or, with --strict, the policy has lint errors), 3 internal error."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "PATH", description = "Policy file or directory (repeatable).")
    List<Path> policy;

    @Range(min = 0, max = 65535)
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8181", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String bind;

    @Option(names = "--watch", description = "Recompile when the policy files change; the last good policy serves until the new one compiles.")
    boolean watch;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Bearer tokens, one a line: required on /v1/*; reloading over HTTP needs it.")
    Path tokenFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with the key and certificate in this keystore.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-type", paramLabel = "TYPE", defaultValue = "PKCS12", description = "Keystore type (default: ${DEFAULT-VALUE}).")
    String tlsKeystoreType;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore password (else the environment variable QUORATE_TLS_PASSWORD).")
    Path tlsPasswordFile;

    @Option(names = "--decision-log", paramLabel = "FILE", description = "Write one JSON line per decision to FILE (appended), or to standard output with `-`.")
    String decisionLog;

    @Range(min = 1)
    @Option(names = "--decision-log-queue", paramLabel = "N", defaultValue = "65536", description = "Decision log entries queued for the writer (default: ${DEFAULT-VALUE}).")
    int decisionLogQueue;

    @Option(names = "--decision-log-mask", paramLabel = "FIELD", split = ",", description = "Mask a field of each log entry, e.g. input.signatures (repeatable).")
    List<String> decisionLogMask = List.of();

    @Range(min = 1)
    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "8388608", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Range(min = 1)
    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "10000", description = "Most transactions in one batch (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Range(min = 1)
    @Option(names = "--request-timeout-ms", paramLabel = "MS", defaultValue = "10000", description = "Time limit of one request (default: ${DEFAULT-VALUE}).")
    long requestTimeoutMs;

    @Range(min = 0)
    @Option(names = "--shutdown-timeout-ms", paramLabel = "MS", defaultValue = "30000", description = "How long shutdown waits for in-flight requests (default: ${DEFAULT-VALUE}).")
    long shutdownTimeoutMs;

    @Range(min = 0)
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Requests handled at once, 1 or more; others wait up to the request time limit (default: the HTTP server's own pool, 200).")
    int threads;

    @Option(names = "--trust-approvals", description = "Take the `approvals` and `approved_by` a client sends as given (default: refused with 422 untrusted-approvals).")
    boolean trustApprovals;

    @Option(names = "--trust-context-time", description = "Decide at the `context.time` a client sends, and without --spending-db with its `context.spent` (default: the server's clock, no `context.spent`).")
    boolean trustContextTime;

    @Option(names = "--spending-db", paramLabel = "PATH", description = "Keep spends in this SQLite file (created if absent): `spent` conditions read it, /v1/authorize with record and /v1/spend write it; without it, every rule about spending denies.")
    Path spendingDb;

    @Option(names = "--spending-retention", paramLabel = "PERIOD", defaultValue = "35d", description = "How long spends are kept; a policy with a longer `spent` period is refused (default: ${DEFAULT-VALUE}).")
    String spendingRetention;

    @Option(names = "--spending-periods", paramLabel = "PERIOD", split = ",", defaultValue = "1h,24h,7d", description = "Periods POST /v1/spend answers with (default: ${DEFAULT-VALUE}).")
    List<String> spendingPeriods;

    @Option(names = "--strict", description = "Refuse a policy with lint errors: at start (exit 2) and on every reload, which keeps the policy serving (else each error is a warning).")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // with the decision log on standard output, status lines go to standard error
        PrintWriter out = "-".equals(decisionLog) ? err : spec.commandLine().getOut();
        ServerOptions options;
        try {
            options = options();
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        DecisionServer server;
        try {
            server = DecisionServer.start(options);
        } catch (IOException e) {
            err.println("error: cannot serve on " + bind + ":" + port + ": " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (strict && !server.awaitFirstLoad(Duration.ofMinutes(10)) && server.refusedForLint()) {
            // the policy the server would start with has lint errors: refused as before any reload
            List<String> errors = server.lintErrors();
            errors.forEach(l -> err.println("warning: " + l));
            err.println(errors.isEmpty() ? "error: " + server.lastReloadError() + "; not serving it"
                    : "error: --strict: the policy has lint errors; not serving it");
            err.flush();
            server.close();
            return ExitCode.BAD_INPUT;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "quorate-shutdown"));
        out.println("quorate: listening on " + server.uri());
        if (!InetAddress.getByName(bind).isLoopbackAddress() && (tlsKeystore == null || tokenFile == null)) {
            err.println("warning: listening beyond loopback without " + (tlsKeystore == null ? "TLS" : "a token file"));
        }
        out.flush();
        if (server.awaitFirstLoad(Duration.ofMinutes(10))) {
            server.lintErrors().forEach(l -> err.println("warning: " + l));
            out.println("quorate: serving policy " + server.revision());
        } else {
            err.println("quorate: no policy is serving yet (not ready): " + server.lastReloadError());
        }
        out.flush();
        err.flush();
        server.join();
        return ExitCode.OK;
    }

    private ServerOptions.Spending spending() {
        Duration retention = period("--spending-retention", spendingRetention);
        List<Duration> periods = new java.util.ArrayList<>();
        for (String p : spendingPeriods) periods.add(period("--spending-periods", p.strip()));
        return new ServerOptions.Spending(spendingDb, retention, periods);
    }

    private static Duration period(String option, String text) {
        try {
            return io.quorate.spending.Periods.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`" + option + " " + text + "`: " + e.getMessage());
        }
    }

    private ServerOptions options() throws IOException {
        Set<String> mask = new LinkedHashSet<>();
        decisionLogMask.forEach(m -> mask.add(m.strip()));
        String password = null;
        if (tlsPasswordFile != null) {
            password = Files.readString(tlsPasswordFile, StandardCharsets.UTF_8).strip();
        } else if (tlsKeystore != null) {
            password = System.getenv("QUORATE_TLS_PASSWORD");
        }
        if (tlsKeystore != null && !Files.isReadable(tlsKeystore)) throw new IOException(tlsKeystore + ": cannot read the keystore");
        if (tokenFile != null && !Files.isReadable(tokenFile)) throw new IOException(tokenFile + ": cannot read the token file");
        return ServerOptions.defaults(policy)
                .withBind(bind)
                .withPort(port)
                .withWatch(watch, Duration.ofMillis(250))
                .withTokenFile(tokenFile)
                .withTls(tlsKeystore, tlsKeystoreType, password)
                .withDecisionLog(decisionLog, decisionLogQueue, Duration.ofSeconds(5), mask)
                .withLimits(maxBodyBytes, maxBatch, Duration.ofMillis(requestTimeoutMs))
                .withThreads(threads, Duration.ofMillis(shutdownTimeoutMs))
                .withTrust(new ServerOptions.Trust(trustApprovals, trustContextTime))
                .withSpending(spending())
                .withStrictLint(strict);
    }
}
