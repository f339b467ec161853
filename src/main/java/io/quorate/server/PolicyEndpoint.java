package io.quorate.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.policy.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /v1/policy}: what is serving (revision, load time, accounts) and the last rejected
 * reload. {@code POST /v1/policy/reload}: loads and compiles the policy files again and answers
 * when done: 200 with the policy now serving, or 422 {@code policy-rejected} with every problem
 * (the previous policy keeps serving). Both show the lint of the policy serving ({@code lint}), and
 * a failure refused for lint errors under {@code --strict} shows the refused policy's.
 */
final class PolicyEndpoint {

    /** A reload of a large policy set takes seconds; the request time limit does not apply to it. */
    private static final Duration RELOAD_WAIT = Duration.ofMinutes(5);

    private final PolicyStore store;
    private final List<Path> paths;
    private final WatchState watch;

    PolicyEndpoint(PolicyStore store, List<Path> paths, WatchState watch) {
        this.store = store;
        this.paths = List.copyOf(paths);
        this.watch = watch;
    }

    void get(Exchange x) {
        x.json(200, describe(store.current(), store.lastFailure()));
    }

    void reload(Exchange x) {
        PolicyStore.Result result;
        try {
            result = store.reload("reload requested over HTTP").get(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the reload is still compiling: see `/v1/policy` later").failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.of(503, ErrorCode.SHUTTING_DOWN, "the server is shutting down").failure();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reload cannot fail outside its result", e.getCause());
        }
        if (!result.ok()) {
            ReloadFailure f = result.failure();
            String serving = result.serving() == null ? "no policy is serving" : "still serving " + result.serving().revision();
            throw new ApiError(422, ErrorCode.POLICY_REJECTED, f.message() + ": " + serving, errors(f)).failure();
        }
        ObjectNode o = describe(result.serving(), null);
        o.put("changed", result.changed());
        x.json(200, o);
    }

    ObjectNode describe(ServingPolicy serving, ReloadFailure failure) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("ready", serving != null);
        o.put("revision", serving == null ? null : serving.revision());
        o.put("loaded_at", serving == null ? null : serving.loadedAt().toString());
        o.put("compile_ms", serving == null ? null : serving.compileMillis());
        ArrayNode sources = o.putArray("paths");
        paths.forEach(p -> sources.add(p.toString()));
        o.put("watching", watch.enabled() && watch.problem() == null);
        o.put("watch_error", watch.problem());
        o.put("account_count", serving == null ? 0 : serving.source().accounts().size());
        ArrayNode accounts = o.putArray("accounts");
        if (serving != null) {
            for (Account a : serving.source().accounts().values()) {
                accounts.addObject().put("name", a.name()).put("chain", a.chain().id());
            }
        }
        o.set("lint", serving == null || serving.lint() == null ? null : serving.lint().json());
        o.set("last_reload_error", failure == null ? null : failureJson(failure));
        return o;
    }

    static ObjectNode failureJson(ReloadFailure f) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("time", f.at().toString());
        o.put("message", f.message());
        ArrayNode errors = o.putArray("errors");
        errors(f).forEach(errors::add);
        if (f.lint() != null) o.set("lint", f.lint().json());
        return o;
    }

    private static List<ObjectNode> errors(ReloadFailure f) {
        List<ObjectNode> out = new ArrayList<>();
        for (Diagnostic d : f.diagnostics()) out.add(RequestTransactions.diagnostic(d));
        if (f.lint() != null) out.addAll(f.lint().errorObjects());
        return out;
    }
}
