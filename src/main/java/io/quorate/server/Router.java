package io.quorate.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routing table: path and method to endpoint, whether the endpoint needs the bearer
 * token, and one place that turns failures into error bodies and times every request for the
 * metrics. Paths are exact: the API has no path parameters.
 */
final class Router extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** What handles a request; it answers through the exchange or throws an {@link ApiError.Failure}. */
    interface Endpoint {
        void handle(Exchange x) throws Exception;
    }

    /** When a route asks for the bearer token. */
    enum Guard {
        /** Probes and scrapers: never. */
        OPEN,
        /** The API: when the server has a token file. */
        TOKEN_IF_CONFIGURED,
        /** Changes to the server (reload): always; without a token file the route is forbidden. */
        TOKEN_REQUIRED
    }

    private record Route(String name, String method, Guard guard, Endpoint endpoint) {
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final BearerAuth auth;
    private final ServerMetrics metrics;
    private final long timeoutNanos;

    Router(BearerAuth auth, ServerMetrics metrics, long timeoutNanos) {
        super(InvocationType.BLOCKING);
        this.auth = auth;
        this.metrics = metrics;
        this.timeoutNanos = timeoutNanos;
    }

    Router route(String method, String path, String name, Guard guard, Endpoint endpoint) {
        routes.put(path, new Route(name, method, guard, endpoint));
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Route route = routes.get(Request.getPathInContext(request));
        String endpoint = route == null ? "unknown" : route.name();
        Exchange[] self = new Exchange[1];
        Exchange x = new Exchange(request, response, callback, start, timeoutNanos,
                () -> metrics.request(endpoint, self[0].status, self[0].outcome, System.nanoTime() - start));
        self[0] = x;
        try {
            if (route == null) {
                throw ApiError.of(404, ErrorCode.NOT_FOUND, "no endpoint `" + Request.getPathInContext(request) + "`").failure();
            }
            if (!route.method().equals(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, route.method());
                throw ApiError.of(405, ErrorCode.METHOD_NOT_ALLOWED, "`" + Request.getPathInContext(request) + "` takes "
                        + route.method() + ", not " + request.getMethod()).failure();
            }
            guard(route, request);
            route.endpoint().handle(x);
        } catch (ApiError.Failure f) {
            x.error(f.error);
        } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError e) {
            LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            x.error(ApiError.of(500, ErrorCode.INTERNAL_ERROR, "the server failed while answering: " + e.getClass().getSimpleName()));
        } finally {
            if (!x.answered()) x.error(ApiError.of(500, ErrorCode.INTERNAL_ERROR, "the endpoint gave no answer"));
        }
        return true;
    }

    private void guard(Route route, Request request) {
        switch (route.guard()) {
            case OPEN -> {
            }
            case TOKEN_IF_CONFIGURED -> {
                if (auth != null) auth.check(request);
            }
            case TOKEN_REQUIRED -> {
                if (auth == null) {
                    throw ApiError.of(403, ErrorCode.RELOAD_FORBIDDEN, "this endpoint needs authentication: start the server with"
                            + " `--token-file`").failure();
                }
                auth.check(request);
            }
        }
    }
}
