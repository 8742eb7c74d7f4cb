package dev.leadbot.funnel;

import dev.leadbot.engine.Conversation;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.Node;
import dev.leadbot.flow.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a flow's paths part: the first question, walking from the start, whose answers lead to
 * different places (in the customer's flow, the role: owner, expert or explorer). A conversation's
 * path is its answer there, so conversion can be compared path by path; a flow without such a
 * question has a single, unnamed path.
 */
final class Fork {

    private final Optional<String> variable;

    Fork(Flow flow) {
        this.variable = find(flow);
    }

    /** The branch {@code state} is on: its latest answer at the fork, option ids joined with {@code +}. */
    Optional<String> path(Conversation state) {
        return variable.map(state::values).filter(values -> !values.isEmpty()).map(values -> String.join("+", values));
    }

    private static Optional<String> find(Flow flow) {
        Set<String> seen = new HashSet<>();
        Node node = flow.start();
        while (seen.add(node.id())) {
            List<Route> routes = node.routes();
            List<String> targets = routes.stream().map(Route::target).distinct().toList();
            if (targets.size() > 1) {
                // A question that branches on its own answer names the path; a message that branches names it by what it asks of.
                return node.savesAs().or(() -> routes.stream().flatMap(r -> r.when().keySet().stream()).findFirst());
            }
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            Optional<Node> next = flow.node(targets.get(0));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.empty();
    }
}
