package io.quorate.analysis;

/**
 * How hard an authority is to use and to lose. {@code minSigners}: the fewest keys that satisfy it
 * (-1: never satisfiable). {@code maxKeyLoss}: the most keys that can be lost, whichever they are,
 * with it still satisfiable by the rest (-1 when never satisfiable; the number of its keys when no
 * loss can lock it). {@code minHolders}: the fewest distinct holders whose keys together satisfy it
 * (-1: never). When {@code exact} is false the search ran out of budget and each figure is a proven
 * lower bound: the authority is at least that hard to use and survives at least that many losses.
 */
public record Figures(int minSigners, int maxKeyLoss, int minHolders, boolean exact) {

    public boolean satisfiable() {
        return minSigners >= 0;
    }
}
