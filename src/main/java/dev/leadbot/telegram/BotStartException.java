package dev.leadbot.telegram;

/** The bot could not start: the token was refused, or the Bot API could not be reached. The message says what to do. */
public final class BotStartException extends Exception {

    private static final long serialVersionUID = 1L;

    BotStartException(String message) {
        super(message);
    }
}
