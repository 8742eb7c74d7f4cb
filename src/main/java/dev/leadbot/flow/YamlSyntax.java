package dev.leadbot.flow;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML syntax error into the line a person would point at. The parser reports where it
 * gave up, which is often lines after the mistake: an unclosed quote runs on into the next
 * texts, a missing ':' shows up at the next key. This looks for the likely cause instead.
 */
final class YamlSyntax {

    static final String QUOTING = "put in quotes a text that contains ': ' or ' #', starts with '{', '[', '*' or '&',"
            + " or stands inside { } and contains ',' or '?'";

    /** A syntax problem: where, and what to say. */
    record Explained(Position at, String message) {
    }

    private final Source source;

    YamlSyntax(Source source) {
        this.source = source;
    }

    Explained explain(MarkedYAMLException e) {
        Mark problem = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Position gaveUp = problem == null ? new Position(1, 1) : new Position(problem.getLine() + 1, problem.getColumn() + 1);
        String what = String.valueOf(e.getProblem());
        String context = String.valueOf(e.getContext());
        Optional<Position> unclosed = unclosedQuote(gaveUp.line());
        if (unclosed.isPresent()) {
            int line = unclosed.get().line();
            return new Explained(unclosed.get(), "YAML syntax: the quote opened on line " + line + " is never closed"
                    + gaveUpAt(gaveUp, line) + "; end the text with the same quote it starts with");
        }
        if (what.contains("TAB")) {
            return new Explained(new Position(gaveUp.line(), 1), "YAML syntax: line " + gaveUp.line()
                    + " is indented with a tab; YAML needs spaces, so replace the tab with spaces");
        }
        Mark opened = e.getContextMark();
        if (what.startsWith("could not find expected ':'") && opened != null) {
            return missingColon(opened, gaveUp);
        }
        if (opened != null && (context.contains("flow mapping") || context.contains("flow sequence"))) {
            Optional<Explained> bracket = unclosedBracket(opened, gaveUp, context.contains("flow mapping") ? '{' : '[');
            if (bracket.isPresent()) {
                return bracket.get();
            }
        }
        if (opened != null && context.contains("block collection") && what.contains("found '?'")) {
            Optional<Explained> dash = lostDash(opened, gaveUp);
            if (dash.isPresent()) {
                return dash.get();
            }
        }
        if (what.contains("found '<block mapping start>'") || what.contains("found '<block sequence start>'")) {
            Optional<Explained> indent = indentation(gaveUp);
            if (indent.isPresent()) {
                return indent.get();
            }
        }
        if (what.startsWith("mapping values are not allowed") && source.line(gaveUp.line()).strip().matches("(- )?if:.*")) {
            return new Explained(gaveUp, "YAML syntax: the 'if' on line " + gaveUp.line() + " needs braces around its condition,"
                    + " e.g. if: { sphere: goods }");
        }
        if (what.startsWith("mapping values are not allowed")) {
            return new Explained(gaveUp, "YAML syntax: the ':' at column " + gaveUp.column() + " of line " + gaveUp.line()
                    + " is read as a new key; a text that contains ': ' must be in quotes, e.g. text: \"Note: …\"");
        }
        Optional<Integer> inside = quoteInside(source.line(gaveUp.line()));
        if (inside.isPresent()) {
            return new Explained(new Position(gaveUp.line(), inside.get() + 1), "YAML syntax: the '\"' at column " + (inside.get() + 1)
                    + " of line " + gaveUp.line() + " ends the text early; inside a text in double quotes write \\\" or use «»");
        }
        if (what.endsWith("but got :")) {
            return new Explained(gaveUp, "YAML syntax: the ':' at column " + gaveUp.column() + " of line " + gaveUp.line() + " is read"
                    + " as a new key inside { }; put the text in quotes, e.g. { ru: \"Внимание: …\" }");
        }
        if (what.endsWith("but got ?")) {
            return new Explained(gaveUp, "YAML syntax: line " + gaveUp.line() + " has a text with '?' inside { }, where YAML reads"
                    + " '?' as a sign; put the text in quotes, e.g. { text: \"Ready?\" }");
        }
        if (what.contains("found ','") && source.line(gaveUp.line()).contains("{")) {
            return new Explained(gaveUp, "YAML syntax: line " + gaveUp.line() + " has a text that starts with '{' and is read"
                    + " as a mapping; put the whole text in quotes, e.g. text: \"{name}, …\"");
        }
        return new Explained(gaveUp, "YAML syntax: " + what + "; check the indentation, and " + QUOTING);
    }

    private static String gaveUpAt(Position gaveUp, int line) {
        return gaveUp.line() == line ? "" : " (the parser gave up on line " + gaveUp.line() + ")";
    }

    /**
     * The first line up to {@code lastLine} on which a quoted value opens and is not closed: a
     * quoted text over several lines is legal YAML, but in a flow it is almost always a lost quote.
     */
    private Optional<Position> unclosedQuote(int lastLine) {
        for (int number = 1; number <= lastLine; number++) {
            Optional<Integer> column = openQuote(source.line(number));
            if (column.isPresent()) {
                return Optional.of(new Position(number, column.get() + 1));
            }
        }
        return Optional.empty();
    }

    /** The column (0-based) of a quote that opens a value on {@code line} and is still open at its end. */
    static Optional<Integer> openQuote(String line) {
        int depth = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
                return Optional.empty();
            } else if (c == '"' || c == '\'') {
                int end = closingQuote(line, i);
                if (end < 0) {
                    return Optional.of(i);
                }
                i = end + 1;
            } else if (c == '{' || c == '[') {
                depth++;
                i++;
            } else if (c == '}' || c == ']') {
                depth--;
                i++;
            } else if (c == ' ' || c == ',' || (c == '-' || c == ':') && (i + 1 == n || line.charAt(i + 1) == ' ')) {
                i++;
            } else {
                // a plain word: a key up to ': ', or a value to the end of the line (inside { } or [ ], to the next ',')
                int j = i;
                while (j < n && !(line.charAt(j) == ':' && (j + 1 == n || line.charAt(j + 1) == ' '))
                        && !(depth > 0 && ",}]".indexOf(line.charAt(j)) >= 0)) {
                    j++;
                }
                if (j == n) {
                    return Optional.empty();
                }
                i = j;
            }
        }
        return Optional.empty();
    }

    /** The column (0-based) of a double quote that closed a text before its end: more text follows it on the line. */
    static Optional<Integer> quoteInside(String line) {
        for (int i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) {
            int end = closingQuote(line, i);
            if (end < 0) {
                return Optional.empty();
            }
            String after = line.substring(end + 1).stripLeading();
            if (!after.isEmpty() && ",}]#".indexOf(after.charAt(0)) < 0 && !after.startsWith(": ") && !after.equals(":")) {
                return Optional.of(end);
            }
            i = end;
        }
        return Optional.empty();
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote && quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private Explained missingColon(Mark opened, Position gaveUp) {
        int line = opened.getLine() + 1;
        String written = source.line(line).strip();
        String word = written.split("[\\s:]", 2)[0];
        if (written.startsWith(word + ":") && written.length() > word.length() + 1) {
            return new Explained(new Position(line, opened.getColumn() + 1), "YAML syntax: line " + line + " has no space after"
                    + " the ':' of '" + word + "'; write '" + word + ": " + written.substring(word.length() + 1).strip() + "'");
        }
        String rest = written.substring(word.length()).strip();
        return new Explained(new Position(line, opened.getColumn() + 1), "YAML syntax: line " + line + " has no ':' after '"
                + word + "'" + gaveUpAt(gaveUp, line) + "; write '" + word + ": " + rest + "'");
    }

    private Optional<Explained> unclosedBracket(Mark opened, Position gaveUp, char bracket) {
        String line = source.line(opened.getLine() + 1);
        char closing = bracket == '{' ? '}' : ']';
        int depth = 0;
        for (int i = opened.getColumn(); i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    break;
                }
                i = end;
            } else if (c == bracket) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return Optional.empty();
            }
        }
        int number = opened.getLine() + 1;
        return Optional.of(new Explained(new Position(number, opened.getColumn() + 1), "YAML syntax: the '" + bracket
                + "' opened at column " + (opened.getColumn() + 1) + " of line " + number + " is never closed" + gaveUpAt(gaveUp, number)
                + "; end it with '" + closing + "' on the same line"));
    }

    /** A list item written without its '- ' at the dashes' indentation, e.g. an option's '- id:'. */
    private Optional<Explained> lostDash(Mark list, Position gaveUp) {
        String line = source.line(gaveUp.line());
        String written = line.strip();
        if (indent(line) != list.getColumn() || written.startsWith("-") || !written.contains(":")) {
            return Optional.empty();
        }
        String key = written.substring(0, written.indexOf(':')).strip();
        if (!List.of("id", "if", "goto").contains(key)) {
            return Optional.of(new Explained(new Position(gaveUp.line(), indent(line) + 1), "YAML syntax: line " + gaveUp.line()
                    + " is indented like the '- ' of the list above it, so '" + key + "' belongs to no item; indent it like the"
                    + " keys of the item it belongs to"));
        }
        return Optional.of(new Explained(new Position(gaveUp.line(), indent(line) + 1), "YAML syntax: line " + gaveUp.line()
                + " starts a new item of the list above but has lost its leading '- '; write '- " + written + "'"));
    }

    private Optional<Explained> indentation(Position gaveUp) {
        String line = source.line(gaveUp.line());
        for (int number = gaveUp.line() - 1; number >= 1; number--) {
            String before = source.line(number);
            if (before.isBlank() || before.strip().startsWith("#")) {
                continue;
            }
            if (indent(before) == indent(line) || before.strip().endsWith(":")) {
                return Optional.empty();
            }
            return Optional.of(new Explained(new Position(gaveUp.line(), indent(line) + 1), "YAML syntax: line " + gaveUp.line()
                    + " is indented by " + indent(line) + " spaces, line " + number + " above it by " + indent(before)
                    + "; keys of one mapping must line up, so indent both alike"));
        }
        return Optional.empty();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
