package dev.leadbot.followup;

import dev.leadbot.engine.Input;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a timer that came due does: the input to give the engine (a reminder, or the abandonment), if any; the
 * silence after it, from which the next timer is worked out; the reminders dropped on the way because their
 * moment had passed too long ago (the bot was down); and a reminder that came due in the quiet hours (the bot was
 * down over their start), held to their end: when present, the next timer is that one.
 */
public record Firing(Optional<Input> input, Silence silence, List<Due.Reminder> dropped, Optional<Due.Reminder> held) {

    public Firing {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(silence, "silence");
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(held, "held");
        if (held.isPresent() && input.isPresent()) {
            throw new IllegalArgumentException("a reminder held to the end of the quiet hours while " + input.get() + " fires");
        }
    }

    public Firing(Optional<Input> input, Silence silence, List<Due.Reminder> dropped) {
        this(input, silence, dropped, Optional.empty());
    }
}
