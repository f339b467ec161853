package io.quorate.chain.ft4;

import io.quorate.compile.Entry;
import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.Signatures;
import io.quorate.transaction.Context;
import java.util.List;

/**
 * An FT4 auth descriptor, checked in the chain's order (authentication.rell): its rules hold in the
 * transaction's context, its flags include every flag the operation needs, enough of its signers
 * signed. The first condition that fails says why.
 */
public final class Ft4AuthorityCheck extends AuthorityCheck {

    /** Why the descriptor does not authenticate; NONE while every condition evaluated held. */
    public enum Failure { NONE, EXPIRED, NOT_YET_VALID, MISSING_FLAGS, SIGNATURES }

    private final Signatures signatures;
    private final Context context;
    private final List<String> neededFlags;
    private Failure failure = Failure.NONE;

    public Ft4AuthorityCheck(int target, Signatures signatures, Context context, List<String> neededFlags) {
        super(target);
        this.signatures = signatures;
        this.context = context;
        this.neededFlags = neededFlags;
    }

    public Failure failure() {
        return failure;
    }

    /** A comparison as rendered rules write it. */
    public static Ft4Rule.Comparison comparison(String op, String variable, long value) {
        return new Ft4Rule.Comparison(op, variable, value, null);
    }

    /** The descriptor's rules (every comparison, as {@code and}) hold now. */
    public boolean rules(Ft4Rule.Comparison... comparisons) {
        return switch (Ft4Rules.status(comparisons, context)) {
            case VALID -> true;
            case EXPIRED -> fail(Failure.EXPIRED);
            case NOT_YET_VALID -> fail(Failure.NOT_YET_VALID);
        };
    }

    /** The descriptor's flags include every flag the operation needs. */
    public boolean flags(String... descriptorFlags) {
        for (String needed : neededFlags) {
            boolean found = false;
            for (String has : descriptorFlags) {
                if (has.equals(needed)) {
                    found = true;
                    break;
                }
            }
            if (!found) return fail(Failure.MISSING_FLAGS);
        }
        return true;
    }

    /** At least {@code required} distinct signers signed. */
    public boolean signers(long required, Entry... signers) {
        return signedSigners(signers, signatures, false) >= required || fail(Failure.SIGNATURES);
    }

    private boolean fail(Failure why) {
        failure = why;
        return false;
    }

    /** The descriptor's distinct signers that signed; marks them used when asked. */
    public static int signedSigners(Entry[] signers, Signatures sigs, boolean mark) {
        boolean[] counted = new boolean[sigs.size()];
        int signed = 0;
        for (Entry e : signers) {
            int slot = sigs.slot(e.ref());
            if (slot >= 0 && !counted[slot]) {
                counted[slot] = true;
                if (mark) sigs.use(slot);
                signed++;
            }
        }
        return signed;
    }
}
