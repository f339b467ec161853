package io.quorate.server;

/** The stable error codes of the API. Clients match on these strings: never rename one. */
final class ErrorCode {
    private ErrorCode() {
    }

    /** 400: the body is not JSON (or is empty). */
    static final String MALFORMED_JSON = "malformed-json";
    /** 400: a transaction with a missing, unknown, wrongly typed or conflicting field; each error names its field. */
    static final String INVALID_TRANSACTION = "invalid-transaction";
    /** 400: the body has the wrong shape for the endpoint (a list sent to /v1/authorize, say). */
    static final String INVALID_REQUEST = "invalid-request";
    /** 400: a posted policy (for /v1/lint) with errors. */
    static final String INVALID_POLICY = "invalid-policy";
    /** 401: no bearer token, or not one of the configured ones. */
    static final String MISSING_TOKEN = "missing-token";
    static final String INVALID_TOKEN = "invalid-token";
    /** 403: reloading over HTTP is off because the server has no token file. */
    static final String RELOAD_FORBIDDEN = "reload-forbidden";
    static final String NOT_FOUND = "not-found";
    static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** 413: the body exceeds --max-body-bytes. */
    static final String BODY_TOO_LARGE = "body-too-large";
    /** 413: a batch with more transactions than --max-batch. */
    static final String BATCH_TOO_LARGE = "batch-too-large";
    /** 415: the body is not sent as application/json. */
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** 422: a well-formed transaction with a value that cannot be decided on (an out-of-range number, say). */
    static final String UNDECIDABLE_TRANSACTION = "undecidable-transaction";
    /** 422: a transaction claims approvals and the server was not started with --trust-approvals. */
    static final String UNTRUSTED_APPROVALS = "untrusted-approvals";
    /** 422: a reload found a policy that does not load or compile; the previous one keeps serving. */
    static final String POLICY_REJECTED = "policy-rejected";
    /** 422: the linter failed on a posted policy. */
    static final String LINT_FAILED = "lint-failed";
    /** In a 422 policy-rejected answer under --strict: one error-level lint finding of the refused policy. */
    static final String LINT_ERROR = "lint-error";
    static final String INVALID_PLAN = "invalid-plan";
    /** 400: a spend (POST /v1/spend) or a spending query (GET /v1/spent) with a missing, unknown or malformed field or parameter. */
    static final String INVALID_SPEND = "invalid-spend";
    /** 400: {@code record: true} without {@code transaction_id} on /v1/authorize: spends need an id a retry repeats. */
    static final String TRANSACTION_ID_REQUIRED = "transaction-id-required";
    /** 422: {@code record: true} for a transaction whose amounts move from more than one account. */
    static final String RECORD_SEVERAL_ACCOUNTS = "record-several-accounts";
    /** 409: a spend's id was already recorded for the account with another asset or amount. */
    static final String SPEND_CONFLICT = "spend-conflict";
    /** 422: a spend dated too far ahead of the server's clock, or before the spending the server keeps. */
    static final String SPEND_OUT_OF_RANGE = "spend-out-of-range";
    /** 501: the server keeps no spending (started without --spending-db). */
    static final String SPENDING_DISABLED = "spending-disabled";
    /** 503: the spending store failed, or the account stayed busy past the wait. */
    static final String SPENDING_UNAVAILABLE = "spending-unavailable";
    /** 503: no policy has compiled yet. */
    static final String POLICY_NOT_READY = "policy-not-ready";
    /** 503: the request ran past --request-timeout. */
    static final String DEADLINE_EXCEEDED = "deadline-exceeded";
    /** 503: the server is shutting down. */
    static final String SHUTTING_DOWN = "shutting-down";
    /** 400 from the HTTP layer itself (bad request line, headers too large, ...). */
    static final String BAD_HTTP_REQUEST = "bad-http-request";
    /** 500: a fault in Quorate outside a decision (decisions themselves fail closed to a deny). */
    static final String INTERNAL_ERROR = "internal-error";
}
