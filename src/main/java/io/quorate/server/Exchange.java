package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request being answered: the Jetty request, response and completion callback, when it
 * started and by when it must end, and what it answered (for the metrics).
 */
final class Exchange {

    static final String JSON = "application/json";

    final Request request;
    final Response response;
    final Callback callback;
    final long startNanos;
    final long deadlineNanos;
    int status;
    String outcome = "ok";
    private boolean answered;
    private final Runnable beforeAnswer;

    /** {@code beforeAnswer} runs once the status and outcome are known, before the client can see the answer. */
    Exchange(Request request, Response response, Callback callback, long startNanos, long timeoutNanos, Runnable beforeAnswer) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.startNanos = startNanos;
        this.deadlineNanos = startNanos + timeoutNanos;
        this.beforeAnswer = beforeAnswer;
    }

    boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    long nanosLeft() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    boolean answered() {
        return answered;
    }

    void json(int status, JsonNode body) {
        send(status, JSON, Json.bytes(body));
    }

    void error(ApiError e) {
        outcome = e.code();
        if (e.status() == 401) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"quorate\"");
        json(e.status(), e.toJson());
    }

    private static final int MAX_DRAIN_BYTES = 16 << 20;
    private static final long DRAIN_WAIT_MS = 2_000;

    private void drainBody() {
        try {
            Content.Source.asByteArrayAsync(request, MAX_DRAIN_BYTES).get(DRAIN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Too large, too slow or already broken: the connection is closed after the answer anyway.
        }
    }

    void send(int status, String contentType, byte[] body) {
        if (answered) return;
        answered = true;
        this.status = status;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // An error may be answered before the request body was read: read what is left (bounded),
        // so that closing the connection cannot reset it under the answer, and tell the client the
        // connection ends here rather than let it reuse one that is closing.
        if (status >= 400) {
            drainBody();
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        // Counted before it is sent: a client that reads the answer and then asks /metrics sees it.
        beforeAnswer.run();
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
