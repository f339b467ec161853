package io.quorate.rules;

import java.util.List;

/**
 * The distinct keys that signed one transaction, as numbers of the compiled policy's key index
 * (a key the policy never names gets a negative number of its own), with the chain's used-marks.
 * Per decision; a handful of keys, so lookups scan.
 */
public final class Signatures {

    public final int[] keys;
    public final String[] labels;
    public final boolean[] used;
    /** Keys that added weight to some tally, whether or not the chain kept them used (EOS rolls back). */
    private final boolean[] counted;

    public Signatures(int[] keys, String[] labels) {
        this.keys = keys;
        this.labels = labels;
        this.used = new boolean[keys.length];
        this.counted = new boolean[keys.length];
    }

    public int size() {
        return keys.length;
    }

    /** The position of key {@code key} among the signatures, or -1. */
    public int slot(long key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) return i;
        }
        return -1;
    }

    /** The key at {@code slot} added weight: marked used (the chain may roll that back) and counted (kept). */
    public void use(int slot) {
        used[slot] = true;
        counted[slot] = true;
    }

    /** The keys that added weight to any tally while deciding, in the order provided. */
    public List<String> countedLabels() {
        String[] out = new String[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counted[i]) out[n++] = labels[i];
        }
        return n == 0 ? List.of() : List.of(java.util.Arrays.copyOf(out, n));
    }

    public boolean[] snapshot() {
        return used.clone();
    }

    public void restore(boolean[] snapshot) {
        System.arraycopy(snapshot, 0, used, 0, used.length);
    }

    public boolean allUsed() {
        for (boolean u : used) {
            if (!u) return false;
        }
        return true;
    }

    public List<String> usedLabels() {
        return labelsWhereUsed(true);
    }

    public List<String> unusedLabels() {
        return labelsWhereUsed(false);
    }

    private List<String> labelsWhereUsed(boolean wanted) {
        int n = 0;
        for (boolean u : used) {
            if (u == wanted) n++;
        }
        if (n == 0) return List.of();
        if (n == keys.length) return List.of(labels);
        String[] out = new String[n];
        n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i] == wanted) out[n++] = labels[i];
        }
        return List.of(out);
    }
}
