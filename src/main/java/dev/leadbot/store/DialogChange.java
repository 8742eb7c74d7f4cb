package dev.leadbot.store;

/**
 * A change to the conversations managers hold with prospects from the owner chats, committed with the update that made it.
 */
public sealed interface DialogChange {

    /**
     * A manager opened a conversation with the prospect in {@code prospectChatId} about one of their leads; {@code prospect}
     * is the prospect's name as the owner chats show it.
     */
    record Opened(long prospectChatId, String leadId, String prospect, String manager) implements DialogChange {
    }

    /** What an owner chat writes from now on goes to this prospect. */
    record Writing(long ownerChatId, long prospectChatId) implements DialogChange {
    }

    /** The conversation with this prospect ended: their messages are answers to the flow again. */
    record Closed(long prospectChatId) implements DialogChange {
    }

    /** One message of a conversation, kept with the lead: {@code who} wrote {@code text} ("[вложение]" for media). */
    record Said(String leadId, Kind kind, String who, String text) implements DialogChange {
    }

    /** What a line of a lead's conversation records. */
    enum Kind { OPENED, TO_PROSPECT, FROM_PROSPECT, CLOSED }
}
