package io.quorate.yaml;

import java.util.Collection;

/** "Did you mean …?" by edit distance. */
public final class Suggest {

    private static final int MAX_WORD = 100;

    private Suggest() {
    }

    /**
     * The candidate closest to {@code word}, when it is close enough to be a likely typo (at most
     * a third of the word's letters changed, and never more than 3), or null.
     */
    public static String closest(String word, Collection<String> candidates) {
        // a word this long is not a typo of a name; its distance would cost length squared
        if (word == null || word.isEmpty() || word.length() > MAX_WORD) return null;
        int limit = Math.min(3, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            // the distance is at least the difference in length: skip what cannot be close
            if (c == null || c.equals(word) || Math.abs(c.length() - word.length()) > limit) continue;
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT), limit);
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** {@code did you mean `x`?}, or null when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? null : "did you mean `" + c + "`?";
    }

    /**
     * Levenshtein distance, counting a swap of two neighbouring letters as one edit; past
     * {@code limit} it stops early and returns {@code limit + 1}.
     */
    static int distance(String a, String b, int limit) {
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            // no later row falls below this row's minimum: a swap reaches back a row whose minimum is at most one less
            if (rowMin > limit) return limit + 1;
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
