package dev.leadbot.flow;

/** Where something stands in a flow file: 1-based line and column, as editors count them. */
public record Position(int line, int column) {

    /** Used for values that come from built-in defaults rather than from the file. */
    public static final Position BUILT_IN = new Position(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
