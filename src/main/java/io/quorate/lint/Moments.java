package io.quorate.lint;

import io.quorate.policy.conditions.TimeWindow;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The moments the conditions checks test time windows at: every minute of a week in January and
 * of a week in July (one on each side of daylight saving time, wherever it is kept). A window's
 * moments are a bit set over them, so that windows in different zones compare exactly at those
 * moments; what only a week of clock change would show is not tested.
 */
final class Moments {

    static final int COUNT = 2 * 7 * 24 * 60;
    private static final Instant[] AT = new Instant[COUNT];

    static {
        // seven whole days each: in any zone every minute of the local week comes once (clock changes aside)
        Instant january = Instant.parse("2026-01-04T00:00:00Z");
        Instant july = Instant.parse("2026-07-05T00:00:00Z");
        for (int i = 0; i < COUNT / 2; i++) {
            AT[i] = january.plusSeconds(60L * i);
            AT[COUNT / 2 + i] = july.plusSeconds(60L * i);
        }
    }

    private final Map<String, BitSet> cache = new HashMap<>();

    /** Every tested moment. */
    static BitSet all() {
        BitSet b = new BitSet(COUNT);
        b.set(0, COUNT);
        return b;
    }

    /** The tested moments at which a rule with this {@code time} condition holds; every one when it has none. */
    BitSet holds(TimeWindow w) {
        if (w == null) return all();
        String key = w.within() + " " + w.zone().getId() + " " + w.days() + " " + w.fromMinute() + " " + w.toMinute();
        return (BitSet) cache.computeIfAbsent(key, k -> {
            BitSet b = new BitSet(COUNT);
            for (int i = 0; i < COUNT; i++) if (w.holds(AT[i])) b.set(i);
            return b;
        }).clone();
    }

    /** Whether every moment of {@code inner} is in {@code outer}. */
    static boolean within(BitSet inner, BitSet outer) {
        BitSet rest = (BitSet) inner.clone();
        rest.andNot(outer);
        return rest.isEmpty();
    }
}
