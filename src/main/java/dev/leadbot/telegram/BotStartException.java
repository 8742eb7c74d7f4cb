package dev.leadbot.telegram;

/** The bot could not start: the token was refused, or the Bot API could not be reached. The message says what to do. */
public final class BotStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean tokenRefused;

    public BotStartException(String message) {
        this(message, false);
    }

    BotStartException(String message, boolean tokenRefused) {
        super(message);
        this.tokenRefused = tokenRefused;
    }

    /** Whether Telegram refused the token (401): it is wrong, revoked or replaced, and trying again will not help. */
    public boolean tokenRefused() {
        return tokenRefused;
    }
}
