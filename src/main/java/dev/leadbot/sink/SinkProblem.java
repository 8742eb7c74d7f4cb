package dev.leadbot.sink;

/**
 * One thing wrong with a sink's settings, kept as a value until it is printed: the place the settings gave for the
 * setting or the declaration ({@link SinkSettings#placeOf}), and what is wrong with what to write, naming the sink.
 */
public record SinkProblem(String place, String what) {

    /** {@code file:line:column: sink 'name' (type): what}. */
    @Override
    public String toString() {
        return place + ": " + what;
    }
}
