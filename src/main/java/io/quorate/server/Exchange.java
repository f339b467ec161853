package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
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

    Exchange(Request request, Response response, Callback callback, long startNanos, long timeoutNanos) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.startNanos = startNanos;
        this.deadlineNanos = startNanos + timeoutNanos;
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

    void send(int status, String contentType, byte[] body) {
        if (answered) return;
        answered = true;
        this.status = status;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // An error may be answered before the request body was read; the connection then cannot
        // carry another request, so say so rather than let a client reuse it and see it close.
        if (status >= 400) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
