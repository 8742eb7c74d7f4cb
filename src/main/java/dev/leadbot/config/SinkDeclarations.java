package dev.leadbot.config;

import dev.leadbot.flow.Suggestions;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.catalog.SinkCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code sinks:} entries as the sinks take them: a known type, secrets filled in from the environment. */
public final class SinkDeclarations {

    private SinkDeclarations() {
    }

    /**
     * The declared sinks with their secrets filled in; each problem is added. A misspelt type is reported first and
     * alone: the secrets it would need are not asked for.
     */
    static List<SinkSettings> read(List<SettingsFile.SinkEntry> entries, Map<String, String> env, List<SettingsProblem> found) {
        List<SinkSettings> sinks = new ArrayList<>();
        for (SettingsFile.SinkEntry entry : entries) {
            String type = entry.values().get("type");
            if (!SinkCatalog.TYPES.contains(type)) {
                found.add(SettingsProblem.at(entry.placeOf("type"), "unknown sink type '" + type + "'", Suggestions.closest(type,
                        SinkCatalog.TYPES).map(close -> "did you mean '" + close + "'? ").orElse("") + "write one of "
                        + String.join(", ", SinkCatalog.TYPES)));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean complete = true;
            for (Map.Entry<String, String> value : entry.values().entrySet()) {
                Optional<Setting> expanded = SecretReferences.expand(new Setting(value.getValue(), Optional.of(entry.placeOf(value.getKey())),
                        "sink '" + entry.values().get("name") + "' " + value.getKey()), env, found);
                expanded.ifPresent(v -> values.put(value.getKey(), v.text()));
                complete &= expanded.isPresent();
            }
            if (complete) {
                Map<String, String> places = new LinkedHashMap<>();
                entry.places().forEach((key, place) -> places.put(key, place.toString()));
                sinks.add(new SinkSettings(type, values.get("name"), entry.where().toString(), values, entry.fields(), places));
            }
        }
        return sinks;
    }

    /**
     * Each sink's {@code fields:} must name a lead field or a variable the flow saves; a typo would otherwise fill a CRM
     * field with nothing, lead after lead.
     */
    public static List<SinkProblem> fieldProblems(List<SinkSettings> sinks, Set<String> variables) {
        Set<String> known = new TreeSet<>(LeadFields.BUILT_IN);
        known.addAll(variables);
        List<SinkProblem> found = new ArrayList<>();
        for (SinkSettings sink : sinks) {
            sink.fields().forEach((destination, field) -> {
                if (!known.contains(field)) {
                    found.add(new SinkProblem(sink.placeOf("fields." + destination), "sink '" + sink.name() + "' (" + sink.type() + "): fields: "
                            + destination + " names '" + field + "', which is neither a lead field nor a variable of the flow"
                            + Suggestions.didYouMean(field, known, "; write one of " + String.join(", ", known))));
                }
            });
        }
        return found;
    }

    /**
     * Where each sink's declaration and settings stand, by the place the sinks were given ({@link SinkSettings#placeOf}):
     * a sink's problem is printed in file order among the settings' own.
     */
    static Map<String, SettingsProblem.Place> places(List<SettingsFile.SinkEntry> entries) {
        Map<String, SettingsProblem.Place> places = new LinkedHashMap<>();
        for (SettingsFile.SinkEntry entry : entries) {
            places.put(entry.where().toString(), entry.where());
            entry.places().values().forEach(place -> places.put(place.toString(), place));
        }
        return places;
    }
}
