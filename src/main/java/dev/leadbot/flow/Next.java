package dev.leadbot.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a node leads: one target, or rules tried in order whose last one is the default.
 */
public record Next(List<Route> routes) {

    public Next {
        routes = List.copyOf(routes);
    }

    /** Always to {@code target}. */
    public static Next to(String target, Position at) {
        return new Next(List.of(new Route(Map.of(), target, at, at)));
    }

    /**
     * The first route whose conditions hold for the current answers, or empty when none does
     * (the validator refuses flows whose rules lack a default).
     *
     * @param answers the values saved under a variable, empty if it is unanswered
     */
    public Optional<String> target(Function<String, List<String>> answers) {
        return routes.stream()
                .filter(route -> route.when().entrySet().stream().allMatch(c -> holds(c.getValue(), answers.apply(c.getKey()))))
                .map(Route::target)
                .findFirst();
    }

    private static boolean holds(List<String> wanted, List<String> actual) {
        return actual.stream().anyMatch(wanted::contains);
    }
}
