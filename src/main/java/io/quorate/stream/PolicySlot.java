package io.quorate.stream;

import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy an instance decides with. A new revision is compiled completely before it replaces
 * the current one in a single atomic write, so a decision takes either the old revision or the
 * new one, never a half-loaded one. Every stream thread of the instance shares the slot.
 */
public final class PolicySlot {

    private final AtomicReference<PreparedPolicy> current = new AtomicReference<>();
    private final AtomicLong swaps = new AtomicLong();

    /** The policy to decide with, or null while none has compiled. */
    public PreparedPolicy current() {
        return current.get();
    }

    /** How many times a policy has been installed. */
    public long swaps() {
        return swaps.get();
    }

    /** Compiles {@code source} and puts it in place; false when that revision is already in place. */
    public synchronized boolean install(PolicySet source) {
        PreparedPolicy before = current.get();
        if (before != null && before.revision().equals(source.revision())) return false;
        install(Quorate.prepare(source));
        return true;
    }

    /** Puts a compiled policy in place; decisions still holding the old one finish on it. */
    public synchronized void install(PreparedPolicy policy) {
        PreparedPolicy before = current.getAndSet(policy);
        swaps.incrementAndGet();
        if (before != null && before != policy) before.close();
    }
}
