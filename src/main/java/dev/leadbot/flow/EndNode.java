package dev.leadbot.flow;

/** Says goodbye; reaching it completes the lead. */
public record EndNode(String id, Text text, Position at) implements Node {
}
