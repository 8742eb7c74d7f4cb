package dev.leadbot.config;

import java.util.Comparator;
import java.util.Optional;

/**
 * One mistake in the settings, kept as a value down to the printout: where it is written (a line and column of the
 * settings file; none for a variable or an option, which {@code what} names), what is wrong, and what to write instead
 * (empty when {@code what} already says it).
 */
public record SettingsProblem(Optional<Place> place, String what, String fix) {

    /** Problems without a place first (the environment, the options), then top to bottom through the file. */
    public static final Comparator<SettingsProblem> IN_FILE_ORDER = Comparator.comparingInt((SettingsProblem p) ->
            p.place().map(Place::line).orElse(-1)).thenComparingInt(p -> p.place().map(Place::column).orElse(-1));

    /** Where in a file: 1-based line and column, as editors count them. */
    public record Place(String file, int line, int column) {

        /** {@code file:line:column}, the form editors and terminals turn into links. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** A problem with no place in a file: {@code what} names the variable or option. */
    public static SettingsProblem of(String what, String fix) {
        return new SettingsProblem(Optional.empty(), what, fix);
    }

    /** A problem at {@code place} of the settings file. */
    public static SettingsProblem at(Place place, String what, String fix) {
        return new SettingsProblem(Optional.of(place), what, fix);
    }

    /** {@code file:line:column: what; fix}. */
    @Override
    public String toString() {
        return place.map(p -> p + ": ").orElse("") + what + (fix.isEmpty() ? "" : "; " + fix);
    }
}
