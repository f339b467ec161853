package io.quorate.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * Reads a JSON request body within the limits: the content type must be JSON (415), the body
 * at most {@code maxBytes} (413, refused from Content-Length before reading when it is known),
 * UTF-8 (400), and read before the request's deadline (503).
 */
final class RequestBody {

    private final long maxBytes;

    RequestBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    String json(Exchange x) {
        String type = x.request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (!isJson(type)) {
            throw ApiError.of(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, (type == null ? "no content type" : "content type `" + type + "`")
                    + ": send the body as `application/json`").failure();
        }
        long declared = x.request.getLength();
        if (declared > maxBytes) throw tooLarge(declared);
        byte[] bytes = read(x);
        if (bytes.length == 0) throw ApiError.of(400, ErrorCode.MALFORMED_JSON, "the request body is empty").failure();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.of(400, ErrorCode.MALFORMED_JSON, "the request body is not UTF-8 text").failure();
        }
    }

    /** The body as a JSON tree; text that is not JSON is a 400 {@code malformed-json} saying where. */
    com.fasterxml.jackson.databind.JsonNode tree(Exchange x) {
        try {
            return Json.MAPPER.readTree(json(x));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.of(400, ErrorCode.MALFORMED_JSON, "the body is not valid JSON: " + e.getOriginalMessage()).failure();
        }
    }

    private byte[] read(Exchange x) {
        java.util.concurrent.CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(x.request, (int) maxBytes + 1);
        try {
            return body.get(x.nanosLeft(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Late: the answer is 503, but let the body finish arriving (briefly) so the answer is not
            // lost when the connection closes on unread data.
            try {
                body.get(2, TimeUnit.SECONDS);
            } catch (Exception stillLate) {
                // closed after the answer regardless
            }
            throw ApiError.of(503, ErrorCode.DEADLINE_EXCEEDED, "the request body did not arrive within the request time limit").failure();
        } catch (ExecutionException e) {
            if (isTooLarge(e.getCause())) throw tooLarge(-1);
            throw ApiError.of(400, ErrorCode.MALFORMED_JSON, "the request body could not be read: " + e.getCause().getMessage()).failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.of(503, ErrorCode.SHUTTING_DOWN, "the server is shutting down").failure();
        }
    }

    /** Jetty reports a body over the limit as an {@link IllegalStateException}; failures to read are I/O exceptions. */
    private static boolean isTooLarge(Throwable t) {
        return t instanceof IllegalStateException || t instanceof IllegalArgumentException;
    }

    private ApiError.Failure tooLarge(long declared) {
        return ApiError.of(413, ErrorCode.BODY_TOO_LARGE, "the request body " + (declared >= 0 ? "of " + declared + " bytes " : "")
                + "exceeds the limit of " + maxBytes + " bytes").failure();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semi = contentType.indexOf(';');
        String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }
}
