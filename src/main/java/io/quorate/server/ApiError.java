package io.quorate.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An error answer of the API: the HTTP status, a stable kebab-case code clients match on, a
 * message for people, and the individual problems (each an object with at least code and message).
 * See {@link ErrorCode} for the codes.
 */
record ApiError(int status, String code, String message, List<ObjectNode> errors, int omitted) {

    /** The most problems one answer lists; the rest are counted in {@code errors_omitted}. */
    static final int MAX_ERRORS = 100;

    ApiError {
        errors = List.copyOf(errors);
    }

    ApiError(int status, String code, String message, List<ObjectNode> errors) {
        this(status, code, message, errors, 0);
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, List.of());
    }

    ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("code", code);
        o.put("message", message);
        ArrayNode a = o.putArray("errors");
        errors.forEach(a::add);
        if (omitted > 0) o.put("errors_omitted", omitted);
        return o;
    }

    /** Thrown by request handling to answer with this error. */
    static final class Failure extends RuntimeException {
        final ApiError error;

        Failure(ApiError error) {
            super(error.code() + ": " + error.message(), null, false, false);
            this.error = error;
        }
    }

    Failure failure() {
        return new Failure(this);
    }
}
