package io.quorate.server;

/**
 * {@code POST /v1/lint}: lint findings for the served policy set (empty body) or for a posted
 * policy. The linter is not part of this build yet, so the endpoint answers 501
 * {@code lint-unavailable}; clients can already rely on the path and the error shape.
 */
final class LintEndpoint {

    void lint(Exchange x) {
        throw ApiError.of(501, ErrorCode.LINT_UNAVAILABLE, "linting is not available in this build of the server").failure();
    }
}
