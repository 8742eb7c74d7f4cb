package dev.leadbot.console;

import java.util.Optional;

/**
 * A message as its sender wrote it: its id (to copy it), its text if it has one (media has none), and the message it
 * replies to, if any. What a conversation between a manager and a prospect passes on as it is.
 */
public record Written(int messageId, Optional<String> text, Optional<Integer> replyTo) {
}
