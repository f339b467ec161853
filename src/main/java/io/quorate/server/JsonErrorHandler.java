package io.quorate.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors raised by the HTTP layer itself (a malformed request line, headers too large, a request
 * refused during shutdown) in the API's error shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        boolean stopping = request.getConnectionMetaData().getConnector().getServer().isStopping();
        byte[] body = status == 503 && !stopping
                // Not a shutdown: a request that waited past the time limit for one of the --threads.
                ? Json.bytes(ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the request waited past the request time limit for a"
                        + " free request thread: raise `--threads` or `--request-timeout-ms`").toJson())
                : body(status, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Exchange.JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String message) {
        String code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 503 -> ErrorCode.SHUTTING_DOWN;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_HTTP_REQUEST;
        };
        String text = message == null || message.isBlank() ? "the HTTP request was refused" : message.toLowerCase(java.util.Locale.ROOT);
        return Json.bytes(ApiError.of(status, code, text).toJson());
    }
}
