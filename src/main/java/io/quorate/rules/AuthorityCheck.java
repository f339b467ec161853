package io.quorate.rules;

/**
 * The fact an authority's rule judges: "does this transaction satisfy authority {@code target}?".
 * Each chain has its own subclass whose methods are the conditions its rules state (the entries,
 * weights and threshold of the authority are the arguments); the rule whose target matches fires,
 * granting the check, when all its conditions hold. Per decision, used by one thread.
 */
public abstract class AuthorityCheck {

    private final int target;

    protected AuthorityCheck(int target) {
        this.target = target;
    }

    public int getTarget() {
        return target;
    }
}
