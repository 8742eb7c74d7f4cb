package dev.leadbot.flow;

import java.util.Locale;
import java.util.Optional;

/**
 * Names the character that makes a name differ from what it looks like: a Cyrillic or Greek
 * letter that looks Latin, or an invisible one such as a zero-width space. On screen the two
 * names look identical, so the message has to say which character and where.
 */
final class LookAlikes {

    private LookAlikes() {
    }

    /**
     * The first character of {@code name} that is not plain ASCII, described with its column,
     * e.g. {@code 'о' at column 14 is Cyrillic}; {@code start} is where the name starts.
     */
    static Optional<String> describe(String name, Position start, Source source) {
        for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
            int c = name.codePointAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            String where = start.equals(Position.BUILT_IN) ? "" : " at column " + source.at(start, name, i).column();
            return Optional.of(subject(c) + where + predicate(c));
        }
        return Optional.empty();
    }

    /** {@code describe(name, start, source)} as a clause to append, e.g. {@code " ('о' at column 14 is Cyrillic)"}. */
    static String clause(String name, Position start, Source source) {
        return describe(name, start, source).map(d -> " (" + d + ")").orElse("");
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.CONTROL || c == 0x3164;
    }

    private static String subject(int c) {
        String code = String.format(Locale.ROOT, "U+%04X", c);
        if (invisible(c)) {
            return "an invisible " + Optional.ofNullable(Character.getName(c)).orElse("character").toLowerCase(Locale.ROOT)
                    + " (" + code + ")";
        }
        String shown = "'" + new String(Character.toChars(c)) + "'";
        return script(c).isPresent() ? shown : shown + " (" + code + ")";
    }

    private static String predicate(int c) {
        if (invisible(c)) {
            return "";
        }
        return script(c).map(name -> " is " + name).orElse(" is not a Latin letter");
    }

    private static Optional<String> script(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.ARMENIAN) {
            return Optional.of(script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
