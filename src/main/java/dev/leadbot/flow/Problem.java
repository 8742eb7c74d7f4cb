package dev.leadbot.flow;

/** One thing wrong with a flow file, with where it is and what to write instead. */
public record Problem(String file, Position at, String message) {

    /** {@code file:line:column: message}, the form editors and terminals turn into links. */
    @Override
    public String toString() {
        return file + ":" + at + ": " + message;
    }
}
