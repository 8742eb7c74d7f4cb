package dev.leadbot.store;

/**
 * The chat ids of the terminal chat's test conversations ({@code leadbot chat}): each conversation has its own, so
 * /forget in one never deletes another's leads. Telegram's chat ids have at most 52 significant bits, so ids below
 * -2^53 can never meet a prospect's; 0 is the one id every terminal conversation shared before.
 */
final class TerminalChats {

    /** Telegram's lowest possible chat id is above this; terminal conversations take the ids below it, counting down. */
    static final long TELEGRAM_FLOOR = -(1L << 53);
    /** The id all terminal conversations shared before each had its own; still read as the terminal's. */
    static final long SHARED = 0;
    /** SQL: the row's chat_id is a terminal conversation's. */
    static final String CONDITION = "(chat_id = " + SHARED + " OR chat_id < " + TELEGRAM_FLOOR + ")";

    private TerminalChats() {
    }
}
