package io.quorate.conditions;

/**
 * Thrown by {@link SpentAmounts#spent} when the amount cannot be told and there is a reason to
 * give (a store that failed, a window reaching back past what was kept, no store at all): the
 * rule that needs it denies with {@code missing-data}, and the reason's message says why.
 */
public final class SpentUnknownException extends RuntimeException {

    public SpentUnknownException(String why) {
        super(why);
    }
}
