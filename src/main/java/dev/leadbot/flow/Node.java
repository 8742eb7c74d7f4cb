package dev.leadbot.flow;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One step of a flow. The kinds form a closed set: messages and ends only speak, the other
 * kinds ask and save the answer under a variable.
 */
public sealed interface Node permits MessageNode, ChoiceNode, MultiSelectNode, InputNode, EndNode {

    String id();

    /** What the prospect reads when the node is reached. */
    Text text();

    Position at();

    /** The variable an asking node saves its answer under; empty for messages and ends. */
    default Optional<String> savesAs() {
        return Optional.empty();
    }

    /** The options of a choice or a checklist; empty for other kinds. */
    default List<Option> options() {
        return List.of();
    }

    /** The option of a choice or a checklist with this id. */
    default Optional<Option> option(String optionId) {
        return options().stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** Every route out of this node, from every option; empty for an end. */
    default List<Route> routes() {
        return List.of();
    }

    /** Every text of this node a prospect may read, for validation and templating checks. */
    default Stream<Text> texts() {
        return Stream.of(text());
    }
}
