package dev.leadbot.followup;

import dev.leadbot.engine.Input;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a timer that came due does: the input to give the engine (a reminder, or the abandonment), if any; the
 * silence after it, from which the next timer is worked out; and the reminders dropped on the way because their
 * moment had passed too long ago (the bot was down).
 */
public record Firing(Optional<Input> input, Silence silence, List<Due.Reminder> dropped) {

    public Firing {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(silence, "silence");
        dropped = List.copyOf(dropped);
    }
}
