package io.quorate.chain.eos;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.compile.Program;
import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.Signatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Antelope's authority_checker for one declared permission. Its rule states the permissions whose
 * actions it may authorize (itself and its descendants: the parent relation) and its threshold and
 * entries in visiting order (weight descending); {@link #authority} visits them with early exit,
 * rollback of the keys of a failed sub-authority, a depth limit, cycles and missing permissions
 * adding 0, and one cache that starts with the provided permissions. Used-marks live in the
 * transaction's {@link Signatures}, shared by every declared permission.
 */
public final class EosAuthorityCheck extends AuthorityCheck {

    private static final byte BEING_EVALUATED = 1;
    private static final byte SATISFIED = 2;
    private static final byte UNSATISFIED = 3;

    private final CompiledPolicy policy;
    private final String label;
    private final List<String> minimums;
    private final Signatures signatures;
    private final List<String> providedPermissions;
    private final long delaySec;
    private final int depthLimit;
    private final Map<String, Byte> cache = new HashMap<>();
    /** Some provided permission names a whole actor ({@code actor@}), so lookups also try the actor. */
    private boolean actorWide;
    private long rootTally;

    /**
     * @param minimums the minimum permissions (by the account's links) of the actions that declare it
     * @param delaySec the transaction's delay; {@code Long.MAX_VALUE} satisfies every wait
     */
    public EosAuthorityCheck(CompiledPolicy policy, Program declared, List<String> minimums, Signatures signatures,
                             List<String> providedPermissions, long delaySec, int depthLimit) {
        super(declared.id());
        this.policy = policy;
        this.label = declared.label();
        this.minimums = minimums;
        this.signatures = signatures;
        this.providedPermissions = providedPermissions;
        this.delaySec = delaySec;
        this.depthLimit = depthLimit;
    }

    /** The weight the declared permission reached (its threshold when a cache answered yes). */
    public long rootTally() {
        return rootTally;
    }

    /** Every action's minimum permission is this permission or one of its descendants. */
    public boolean minimumWithin(String... permissions) {
        for (String minimum : minimums) {
            if (!contains(permissions, minimum)) return false;
        }
        return true;
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) return true;
        }
        return false;
    }

    /** The declared permission, visited as a weight-1 account entry at depth 0 with a fresh cache. */
    public boolean authority(long threshold, Entry... entries) {
        cache.clear();
        actorWide = false;
        for (String p : providedPermissions) {
            String provided = p.indexOf('@') < 0 ? p + "@" : p;
            cache.put(provided, SATISFIED);
            if (provided.endsWith("@")) actorWide = true;
        }
        byte status = status(label);
        if (status != 0) {
            rootTally = status == SATISFIED ? threshold : 0;
            return status == SATISFIED;
        }
        rootTally = 0;
        if (depthLimit <= 0) return false;
        cache.put(label, BEING_EVALUATED);
        boolean r = satisfied(entries, threshold, 1);
        cache.put(label, r ? SATISFIED : UNSATISFIED);
        return r;
    }

    /** The cached status of {@code actor@permission}, or of a provided {@code actor@} (any permission); 0 when none. */
    private byte status(String permission) {
        Byte cached = cache.get(permission);
        if (cached == null && actorWide) cached = cache.get(permission.substring(0, permission.indexOf('@') + 1));
        return cached == null ? 0 : cached;
    }

    private long visitPermission(Entry e, int depth, long total) {
        byte status = status(e.label());
        if (status == 0) {
            if (depth < depthLimit && e.ref() >= 0) {
                cache.put(e.label(), BEING_EVALUATED);
                Program nested = policy.program((int) e.ref());
                boolean r = satisfied(nested.entries(), nested.threshold(), depth + 1);
                cache.put(e.label(), r ? SATISFIED : UNSATISFIED);
                if (r) total += e.weight();
            }
        } else if (status == SATISFIED) {
            total += e.weight();
        }
        return total;
    }

    private boolean satisfied(Entry[] entries, long threshold, int depth) {
        boolean[] saved = signatures.snapshot();
        long total = 0;
        for (Entry e : entries) {
            switch (e.kind()) {
                case Entry.WAIT -> {
                    if (delaySec >= e.ref()) total += e.weight();
                }
                case Entry.KEY -> {
                    int slot = signatures.slot(e.ref());
                    if (slot >= 0) {
                        signatures.use(slot);
                        total += e.weight();
                    }
                }
                default -> total = visitPermission(e, depth, total);
            }
            if (depth == 1) rootTally = total;
            if (total >= threshold) return true;
        }
        signatures.restore(saved);
        return false;
    }
}
