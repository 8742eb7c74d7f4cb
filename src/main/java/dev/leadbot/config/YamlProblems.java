package dev.leadbot.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one settings file as they are found, each at the node a person would point at. */
final class YamlProblems {

    private final String file;
    private final List<SettingsProblem> found = new ArrayList<>();

    YamlProblems(String file) {
        this.file = file;
    }

    void add(SettingsProblem.Place place, String what, String fix) {
        found.add(SettingsProblem.at(place, what, fix));
    }

    void add(Node yaml, String what, String fix) {
        add(at(yaml), what, fix);
    }

    /** Where {@code yaml} starts in this file. */
    SettingsProblem.Place at(Node yaml) {
        return new SettingsProblem.Place(file, yaml.getStartMark().getLine() + 1, yaml.getStartMark().getColumn() + 1);
    }

    String file() {
        return file;
    }

    /** The problems in file order, so a reader fixes them top to bottom. */
    List<SettingsProblem> sorted() {
        return found.stream().sorted(SettingsProblem.IN_FILE_ORDER).toList();
    }
}
