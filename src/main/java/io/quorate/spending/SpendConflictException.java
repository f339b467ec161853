package io.quorate.spending;

/** A spend's id was already recorded for its account with another asset or amount: the id is not unique, nothing is recorded. */
public final class SpendConflictException extends RuntimeException {

    private final Spend recorded;

    public SpendConflictException(Spend attempted, Spend recorded) {
        super("account `" + attempted.account() + "`: id `" + attempted.id() + "` was recorded as `"
                + new Quantity(recorded.amount(), recorded.asset()) + "` at " + recorded.time() + ", not `"
                + new Quantity(attempted.amount(), attempted.asset()) + "`");
        this.recorded = recorded;
    }

    /** The spend already recorded under the id. */
    public Spend recorded() {
        return recorded;
    }
}
