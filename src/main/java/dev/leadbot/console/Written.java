package dev.leadbot.console;

import java.util.Objects;
import java.util.Optional;

/**
 * A message as its sender wrote it: its id (to copy it), its text if it has one (media has none), and the message it
 * replies to, if any, with that message's text (empty for media). What a conversation between a manager and a prospect
 * passes on as it is.
 */
public record Written(int messageId, Optional<String> text, Optional<Integer> replyTo, Optional<String> repliedText) {

    public Written {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(repliedText, "repliedText");
    }

    /** A message whose replied-to message's text does not matter (a prospect's, or an owner's in a private chat). */
    public Written(int messageId, Optional<String> text, Optional<Integer> replyTo) {
        this(messageId, text, replyTo, Optional.empty());
    }
}
