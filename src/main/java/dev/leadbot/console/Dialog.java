package dev.leadbot.console;

/**
 * A prospect's open conversation with the managers, about one of their leads: {@code prospect} is their name as the owner
 * chats show it, {@code manager} who opened it.
 */
public record Dialog(long prospectChat, String leadId, String prospect, String manager) {
}
