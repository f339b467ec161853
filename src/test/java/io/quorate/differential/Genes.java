package io.quorate.differential;

import java.util.List;

/**
 * A sequence of choices drawn by jqwik, read one at a time by the generators. When jqwik shrinks
 * the sequence its values go towards 0 and it runs out sooner; every reader maps 0 (and "no more
 * choices") to the simplest option, so a shrunk sequence describes a simpler policy or transaction.
 */
final class Genes {

    private final List<Integer> values;
    private int next;

    Genes(List<Integer> values) {
        this.values = values;
    }

    private int raw() {
        return next < values.size() ? values.get(next++) : 0;
    }

    /** A choice in {@code 0 .. n-1}. */
    int below(int n) {
        return n <= 1 ? 0 : Math.floorMod(raw(), n);
    }

    /** A choice in {@code lo .. hi}. */
    int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    /** A value in {@code lo .. hi} for ranges wider than an int. */
    long betweenLong(long lo, long hi) {
        long span = hi - lo + 1;
        long r = ((long) raw() << 31) ^ raw();
        return lo + Math.floorMod(r, span);
    }

    /** True with about {@code percent} percent probability; false when the choice shrank to 0. */
    boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }
}
