package dev.leadbot.flow;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …" for a misspelt key, node id, variable or value. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within a few typos, if there is one. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        int allowed = typed.length() <= 3 ? 1 : Math.min(3, Math.max(2, typed.length() / 3));
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= allowed)
                // a "suggestion" that replaces the whole word is a guess, not a typo fix
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) < typed.length())
                .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))));
    }

    /** {@code "; did you mean 'x'?"}, or {@code otherwise} when nothing is close. */
    public static String didYouMean(String typed, Collection<String> candidates, String otherwise) {
        return closest(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse(otherwise);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
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
