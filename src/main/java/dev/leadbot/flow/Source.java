package dev.leadbot.flow;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The lines of a flow file as written, to point inside a value: at a placeholder in a text or at
 * one odd character of an id. Columns count characters (code points), as the YAML parser does.
 */
final class Source {

    private final List<String> lines;

    Source(String yaml) {
        this.lines = yaml.lines().toList();
    }

    /** Line {@code number} (1-based), or "" past the end. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    int lineCount() {
        return lines.size();
    }

    /**
     * Where the character at code point {@code index} of {@code scalar}'s value stands in the file:
     * exact for a value on one line (escapes and quotes accounted for), the value's start otherwise.
     */
    Position at(ScalarNode scalar, int index) {
        Mark start = scalar.getStartMark();
        Position base = new Position(start.getLine() + 1, start.getColumn() + 1);
        if (scalar.getEndMark() == null || scalar.getEndMark().getLine() != start.getLine()) {
            return base;
        }
        int[] written = line(base.line()).codePoints().toArray();
        int column = start.getColumn();
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            column++;
            for (int i = 0; i < index && column < written.length; i++) {
                column += width(written, column, style);
            }
        } else {
            column += index;
        }
        return new Position(base.line(), column + 1);
    }

    /** How many written characters the value character at {@code column} takes in a quoted scalar. */
    private static int width(int[] written, int column, DumperOptions.ScalarStyle style) {
        if (column + 1 >= written.length) {
            return 1;
        }
        int next = written[column + 1];
        if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return written[column] == '\'' && next == '\'' ? 2 : 1;
        }
        if (written[column] != '\\') {
            return 1;
        }
        return switch (next) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    /**
     * Where {@code value}'s character {@code index} stands, given where the value starts: for
     * names kept without their YAML node (a link, a variable), on the value's own line.
     */
    Position at(Position valueStart, String value, int index) {
        if (valueStart.equals(Position.BUILT_IN)) {
            return valueStart;
        }
        String line = line(valueStart.line());
        int first = line.codePoints().skip(valueStart.column() - 1L).findFirst().orElse(' ');
        int offset = (first == '"' || first == '\'') && !value.startsWith(Character.toString(first)) ? 1 : 0;
        return new Position(valueStart.line(), valueStart.column() + offset + value.codePointCount(0, index));
    }
}
