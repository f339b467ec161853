package io.quorate.rules;

/**
 * The fact an authority's rule judges: "does this transaction satisfy authority {@code target}?".
 * Each chain has its own subclass whose methods are the conditions its rules state (the entries,
 * weights and threshold of the authority are the arguments); the rule whose target matches grants
 * the check when all its conditions hold. Per decision, used by one thread.
 */
public abstract class AuthorityCheck {

    private final int target;
    private boolean granted;

    protected AuthorityCheck(int target) {
        this.target = target;
    }

    public int getTarget() {
        return target;
    }

    /** The consequence of every authority rule. */
    public void grant() {
        granted = true;
    }

    public boolean granted() {
        return granted;
    }
}
