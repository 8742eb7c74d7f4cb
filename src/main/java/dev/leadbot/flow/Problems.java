package dev.leadbot.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one flow file as they are found. */
final class Problems {

    private final String file;
    private final Source source;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this(file, new Source(""));
    }

    Problems(String file, Source source) {
        this.file = file;
        this.source = source;
    }

    /** The file as written, to point at a character inside a value. */
    Source source() {
        return source;
    }

    void add(Position at, String message) {
        found.add(new Problem(file, at, message));
    }

    void add(Node yaml, String message) {
        add(at(yaml), message);
    }

    int size() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in file order, so a reader fixes them top to bottom. */
    List<Problem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()))
                .toList();
    }

    static Position at(Node yaml) {
        return new Position(yaml.getStartMark().getLine() + 1, yaml.getStartMark().getColumn() + 1);
    }
}
