package dev.leadbot.cli;

/** A number with its noun in the right form, as the owner reads it: "1 lead", "2 leads", "a conversation". */
final class Count {

    private Count() {
    }

    /** {@code 1 lead}, {@code 0 leads}, {@code 21 leads}. */
    static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** {@code a conversation}, {@code an e-mail} for one; otherwise like {@link #of}. */
    static String spelled(long count, String one, String many) {
        return count == 1 ? "a" + (startsWithVowel(one) ? "n " : " ") + one : of(count, one, many);
    }

    private static boolean startsWithVowel(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
    }
}
