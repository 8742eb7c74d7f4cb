package dev.leadbot.walkthrough;

import java.util.List;

/**
 * What walking every path of a flow found: the paths, in the order walked, and every problem,
 * each once. {@code cut} tells the walk stopped at {@link PathWalker#MOST_PATHS}.
 */
public record Walk(List<WalkedPath> paths, List<String> problems, boolean cut) {

    public Walk {
        paths = List.copyOf(paths);
        problems = List.copyOf(problems);
    }

    /** The most questions any path asks. */
    public int longest() {
        return paths.stream().mapToInt(WalkedPath::questions).max().orElse(0);
    }

    public long endless() {
        return paths.stream().filter(p -> !p.ends()).count();
    }
}
