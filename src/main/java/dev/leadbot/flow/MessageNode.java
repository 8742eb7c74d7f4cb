package dev.leadbot.flow;

import java.util.List;

/** Says something and goes straight on to {@code next}. */
public record MessageNode(String id, Text text, Next next, Position at) implements Node {

    @Override
    public List<Route> routes() {
        return next.routes();
    }
}
