package io.quorate.rules;

/**
 * How much work one decision may do: a number of nested authority evaluations and a deadline
 * ({@link System#nanoTime()} based; {@code Long.MAX_VALUE} for none). Past either, the decision
 * stops with {@link EvaluationLimitException} and is denied. Per decision, one thread.
 */
public final class Budget {

    /** Nested evaluations one decision may make: far above any policy's honest needs. */
    public static final int MAX_NESTED_EVALUATIONS = 200_000;
    private static final int CLOCK_EVERY = 1 << 10;

    private final long deadlineNanos;
    private int left;

    public Budget(long deadlineNanos, int maxEvaluations) {
        this.deadlineNanos = deadlineNanos;
        this.left = maxEvaluations;
    }

    public static Budget until(long deadlineNanos) {
        return new Budget(deadlineNanos, MAX_NESTED_EVALUATIONS);
    }

    /** Counts one nested evaluation; throws when the evaluations or the time are spent. */
    public void spend() {
        if (--left < 0) {
            throw new EvaluationLimitException("the authority's references took more than " + MAX_NESTED_EVALUATIONS
                    + " nested evaluations (a dense web of references); the decision is denied");
        }
        if ((left & (CLOCK_EVERY - 1)) == 0) checkDeadline();
    }

    public void checkDeadline() {
        if (expired()) throw new EvaluationLimitException("the decision passed its deadline and is denied");
    }

    public boolean expired() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }
}
