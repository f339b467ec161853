package io.quorate.engine;

import java.util.List;

/**
 * The distinct keys that signed one transaction, as numbers of the compiled policy's key index
 * (a key the policy never names gets a negative number of its own), with the chain's used-marks.
 * Per decision; a handful of keys, so lookups scan.
 */
final class Signatures {

    final int[] keys;
    final String[] labels;
    final boolean[] used;

    Signatures(int[] keys, String[] labels) {
        this.keys = keys;
        this.labels = labels;
        this.used = new boolean[keys.length];
    }

    int size() {
        return keys.length;
    }

    /** The position of key {@code key} among the signatures, or -1. */
    int slot(long key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) return i;
        }
        return -1;
    }

    boolean[] snapshot() {
        return used.clone();
    }

    void restore(boolean[] snapshot) {
        System.arraycopy(snapshot, 0, used, 0, used.length);
    }

    boolean allUsed() {
        for (boolean u : used) {
            if (!u) return false;
        }
        return true;
    }

    List<String> usedLabels() {
        return labelsWhereUsed(true);
    }

    List<String> unusedLabels() {
        return labelsWhereUsed(false);
    }

    private List<String> labelsWhereUsed(boolean wanted) {
        String[] out = new String[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i] == wanted) out[n++] = labels[i];
        }
        return n == 0 ? List.of() : List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
    }
}
