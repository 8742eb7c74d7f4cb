package dev.leadbot.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message typed at a button question as the buttons it names, as a person would: an
 * option's number (the way back has none), its label with or without the emoji in any case, or
 * words or beginnings of words that only one button has. A checklist takes several at once:
 * "1, 3", "1 3" or labels separated by commas or the flow's word for "and".
 */
final class TypedChoice {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern NUMBERS = Pattern.compile("\\d{1,3}(\\s+\\d{1,3})+");
    /** Shorter beginnings than this name too much to be taken as an answer. */
    private static final int SHORTEST_PART = 2;

    private final Pattern separators;

    /** @param and the flow's word for "and" in the prospect's language, which separates items of a list */
    TypedChoice(String and) {
        this.separators = Pattern.compile("[,;\\n]+|\\s+" + Pattern.quote(and.strip().toLowerCase(Locale.ROOT)) + "\\s+");
    }

    /**
     * The actions the text stands for, each once, in the order typed; empty if it names no button
     * or names one part ambiguously.
     */
    List<Action> read(Keyboard.Buttons keyboard, String typed) {
        List<Keyboard.Button> all = keyboard.rows().stream().flatMap(List::stream).toList();
        List<Keyboard.Button> numbered = keyboard.numbered();
        String text = typed.strip().toLowerCase(Locale.ROOT);
        Optional<Keyboard.Button> whole = one(all, numbered, text);
        if (whole.isPresent()) {
            return List.of(whole.get().action());
        }
        List<String> parts = NUMBERS.matcher(text).matches() ? Arrays.asList(text.split("\\s+")) : Arrays.asList(separators.split(text));
        if (parts.size() < 2) {
            return List.of();
        }
        Set<Action> actions = new LinkedHashSet<>();
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Keyboard.Button> button = one(all, numbered, part.strip());
            if (button.isEmpty()) {
                return List.of();
            }
            actions.add(button.get().action());
        }
        return List.copyOf(actions);
    }

    /** The one button {@code part} names, if exactly one. */
    private static Optional<Keyboard.Button> one(List<Keyboard.Button> all, List<Keyboard.Button> numbered, String part) {
        List<String> words = words(part);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (words.size() == 1 && NUMBER.matcher(words.get(0)).matches()) {
            int number = Integer.parseInt(words.get(0));
            return number >= 1 && number <= numbered.size() ? Optional.of(numbered.get(number - 1)) : Optional.empty();
        }
        String wanted = String.join(" ", words);
        List<Keyboard.Button> exact = all.stream().filter(b -> String.join(" ", words(b.label())).equals(wanted)).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        if (wanted.codePointCount(0, wanted.length()) < SHORTEST_PART) {
            return Optional.empty();
        }
        List<Keyboard.Button> named = all.stream().filter(b -> names(words(b.label()), words)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Whether the typed words are the beginning of the label, or each begins some word of it. */
    private static boolean names(List<String> label, List<String> typed) {
        if (String.join(" ", label).startsWith(String.join(" ", typed))) {
            return true;
        }
        return typed.stream().allMatch(word -> label.stream().anyMatch(l -> l.startsWith(word)));
    }

    /** Lower-case words of letters and digits: emoji, marks and punctuation drop out, and "ё" reads as "е". */
    static List<String> words(String text) {
        StringBuilder plain = new StringBuilder();
        text.toLowerCase(Locale.ROOT).replace('ё', 'е').codePoints()
                .forEach(c -> plain.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        List<String> words = new ArrayList<>();
        for (String word : plain.toString().strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
