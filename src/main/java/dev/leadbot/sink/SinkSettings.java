package dev.leadbot.sink;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One sink as declared in {@code leadbot.yaml}, secrets already filled in from the environment.
 * Read through {@link #reader()}, which names the sink and the setting in every problem and
 * never repeats a value (any of them may be a secret).
 *
 * @param where  the declaration's place, as {@code file:line:column}
 * @param values the scalar settings; a list is joined with commas
 * @param fields the {@code fields:} mapping (a destination field → a lead field), possibly empty
 * @param places where each setting is written, as {@code file:line:column}; a problem with a
 *               setting is reported there, one without a place at the declaration
 */
public record SinkSettings(String type, String name, String where, Map<String, String> values, Map<String, String> fields,
        Map<String, String> places) {

    public SinkSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(where, "where");
        values = Map.copyOf(values);
        fields = Map.copyOf(fields);
        places = Map.copyOf(places);
    }

    /** Settings built in code, every problem reported at the declaration. */
    public SinkSettings(String type, String name, String where, Map<String, String> values, Map<String, String> fields) {
        this(type, name, where, values, fields, Map.of());
    }

    /** Where {@code key} is written, or the declaration's place. */
    public String placeOf(String key) {
        return places.getOrDefault(key, where);
    }

    public Reader reader() {
        return new Reader();
    }

    /** Never the values: any of them may be a token. */
    @Override
    public String toString() {
        return "SinkSettings[" + type + " '" + name + "' at " + where + ", keys " + values.keySet() + "]";
    }

    /** Reads settings and collects every problem, so an owner sees them all at once. */
    public final class Reader {

        private final Set<String> known = new LinkedHashSet<>(List.of("type", "name", "fields"));
        private final List<SinkProblem> problems = new ArrayList<>();

        private Reader() {
        }

        /** A required setting; {@code example} shows what to write, e.g. {@code ${AMOCRM_TOKEN}}. */
        public String required(String key, String example) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problem(key, "'" + key + "' is missing; write " + key + ": " + example);
            }
            return value.orElse("");
        }

        public Optional<String> optional(String key) {
            known.add(key);
            return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
        }

        /**
         * An http(s) URL; {@code https} only unless {@code plainAllowed}, though plain http to this machine
         * (a local proxy, a test fake) is always accepted. The value is never echoed: it may hold a secret.
         */
        public URI url(String key, String example, boolean plainAllowed) {
            String value = required(key, example);
            if (value.isEmpty()) {
                return URI.create("https://invalid.invalid/");
            }
            try {
                URI uri = new URI(value);
                boolean https = "https".equalsIgnoreCase(uri.getScheme());
                boolean http = "http".equalsIgnoreCase(uri.getScheme());
                boolean local = List.of("127.0.0.1", "localhost", "[::1]").contains(String.valueOf(uri.getHost()));
                if (uri.getHost() == null || !(https || http && (plainAllowed || local))) {
                    problem(key, "'" + key + "' must be " + (plainAllowed ? "an http or https" : "an https") + " URL such as " + example);
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                problem(key, "'" + key + "' is not a URL; write it like " + example);
                return URI.create("https://invalid.invalid/");
            }
        }

        /** A whole number such as a pipeline id. */
        public Optional<Long> number(String key, String meaning) {
            Optional<String> value = optional(key);
            try {
                return value.map(Long::parseLong);
            } catch (NumberFormatException e) {
                problem(key, "'" + key + "' must be a number: " + meaning);
                return Optional.empty();
            }
        }

        /** One of {@code allowed}; the first is the default. */
        public String oneOf(String key, List<String> allowed) {
            String value = optional(key).orElse(allowed.get(0));
            if (!allowed.contains(value)) {
                problem(key, "'" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
                return allowed.get(0);
            }
            return value;
        }

        /** Reports a problem with this sink as a whole, at its declaration. */
        public void problem(String what) {
            problems.add(new SinkProblem(where, "sink '" + name + "' (" + type + "): " + what));
        }

        /** Reports a problem with one setting, at the line that holds it. */
        public void problem(String key, String what) {
            problems.add(new SinkProblem(placeOf(key), "sink '" + name + "' (" + type + "): " + what));
        }

        /** Every problem found, unknown settings included; call after reading everything. */
        public List<SinkProblem> problems() {
            List<SinkProblem> all = new ArrayList<>(problems);
            values.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> all.add(new SinkProblem(placeOf(key),
                    "sink '" + name + "' (" + type + "): unknown setting '" + key + "'; a " + type + " sink takes " + String.join(", ", known))));
            return all;
        }
    }
}
