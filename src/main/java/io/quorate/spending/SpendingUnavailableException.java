package io.quorate.spending;

/**
 * What was spent cannot be told: no store is kept, the window reaches back past what was pruned,
 * the database failed, or the account stayed busy too long. A decision that needs the spending
 * denies on it (fail closed); the message says why, in the project's words.
 */
public class SpendingUnavailableException extends RuntimeException {

    public SpendingUnavailableException(String message) {
        super(message);
    }

    public SpendingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
