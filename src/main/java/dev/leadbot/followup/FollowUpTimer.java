package dev.leadbot.followup;

import java.util.Objects;

/** A chat's next follow-up as the store keeps it: what is due and when, and the silence it belongs to. */
public record FollowUpTimer(long chatId, Due due, Silence silence) {

    public FollowUpTimer {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(silence, "silence");
    }
}
