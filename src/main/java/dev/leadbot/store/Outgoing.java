package dev.leadbot.store;

/**
 * A reply to a chat, stored before it is sent so a crash cannot lose it; the payload is the
 * sender's own encoding, opaque to the store. Ids grow, so they give each chat's order.
 */
public record Outgoing(long id, long chatId, String payload) {
}
