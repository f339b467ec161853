package io.quorate.rules;

/** A decision that ran out of its {@link Budget}: it is denied with reason {@code evaluation-limit}. */
public final class EvaluationLimitException extends RuntimeException {

    public EvaluationLimitException(String message) {
        super(message, null, false, false);
    }
}
