package io.quorate.compile;

/**
 * The fact the generated rules judge: "is authority {@code target} satisfied by this transaction's
 * signatures?". The engine supplies the evaluation behind {@link #reaches(long)} (the chain's own
 * tally of the compiled program); the rule of the target authority calls {@link #judge(long)} with
 * the policy's threshold.
 */
public abstract class Check {

    private final int target;
    private boolean granted;

    protected Check(int target) {
        this.target = target;
    }

    public int getTarget() {
        return target;
    }

    /** Evaluates the target program with the chain's rules; true when its tally reaches {@code threshold}. */
    public abstract boolean reaches(long threshold);

    /** The rule's verdict: granted when the chain's tally reaches the rule's threshold. */
    public void judge(long threshold) {
        granted = reaches(threshold);
    }

    public boolean granted() {
        return granted;
    }
}
