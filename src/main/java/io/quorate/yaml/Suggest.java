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
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
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

    /** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
