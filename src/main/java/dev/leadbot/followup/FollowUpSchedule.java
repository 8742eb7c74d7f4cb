package dev.leadbot.followup;

import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.Input;
import dev.leadbot.flow.Flow;
import dev.leadbot.flow.FollowUps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a silent prospect is reminded, and when their conversation counts as abandoned: a pure function of the flow's
 * {@code follow_ups:}, the conversation and its silence, with the time passed in. Reminder {@code n} comes once the
 * prospect has been silent for its {@code after}, and never sooner after the reminder before it than the flow's gap
 * between the two (so a reminder moved out of the quiet hours does not bring the next one closer); a moment in the
 * quiet hours moves to their end. After the last reminder and {@code abandon_after} more, the conversation is abandoned,
 * once. Only a conversation waiting at a question with follow-ups has anything due.
 */
public final class FollowUpSchedule {

    private final Flow flow;
    private final ZoneId defaultZone;

    /** @param defaultZone the zone of the quiet hours when the flow names none: the machine's */
    public FollowUpSchedule(Flow flow, ZoneId defaultZone) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** What comes next for {@code conversation} in {@code silence}; empty when nothing will. */
    public Optional<Due> next(Conversation conversation, Silence silence) {
        if (conversation.status() != Conversation.Status.ASKING) {
            return Optional.empty();
        }
        Optional<FollowUps> followUps = flow.followUps(conversation.node());
        if (followUps.isEmpty()) {
            return Optional.empty();
        }
        List<FollowUps.Reminder> reminders = followUps.get().reminders();
        int attempt = silence.reminded() + 1;
        if (attempt <= reminders.size()) {
            Duration after = reminders.get(attempt - 1).after();
            Instant at = silence.since().plus(after);
            if (attempt > 1 && silence.lastReminder().isPresent()) {
                Instant afterPrevious = silence.lastReminder().get().plus(after.minus(reminders.get(attempt - 2).after()));
                at = afterPrevious.isAfter(at) ? afterPrevious : at;
            }
            return Optional.of(new Due.Reminder(attempt, outsideQuietHours(at, followUps.get())));
        }
        // Abandoned once per run, unless the prospect has since come past the partial-lead point: then once more, for its lead.
        if (conversation.abandoned() && !conversation.owesPartialLead(flow)) {
            return Optional.empty();
        }
        return Optional.of(new Due.Abandon(silence.lastReminder().orElse(silence.since()).plus(followUps.get().abandonAfter())));
    }

    /**
     * A timer came due at {@code now}: what to do, worked out afresh from the flow as it is now (it may have changed
     * since the timer was set). A reminder is sent at {@code now}, or, when {@code now} is in the quiet hours (the bot
     * was down over their start), held to their end. One whose sending moment would be longer after its own than the
     * flow's {@code late_by_at_most} is dropped, and the next one considered: a reminder never arrives at night, nor
     * so late that it no longer follows the silence it was meant for. An abandonment sends the prospect nothing, so
     * it is never held or dropped.
     */
    public Firing fire(Conversation conversation, FollowUpTimer timer, Instant now) {
        Silence silence = timer.silence();
        List<Due.Reminder> dropped = new ArrayList<>();
        Optional<FollowUps> followUps = flow.followUps(conversation.node());
        Duration lateBy = followUps.map(FollowUps::lateByAtMost).orElse(FollowUps.LATE_BY_AT_MOST);
        Instant sendAt = followUps.map(f -> outsideQuietHours(now, f)).orElse(now);
        while (true) {
            Optional<Due> due = next(conversation, silence);
            if (due.isEmpty() || due.get().at().isAfter(now)) {
                return new Firing(Optional.empty(), silence, dropped);
            }
            if (due.get() instanceof Due.Reminder reminder) {
                if (Duration.between(reminder.at(), sendAt).compareTo(lateBy) > 0) {
                    dropped.add(reminder);
                    silence = silence.reminded(reminder.attempt(), reminder.at());
                    continue;
                }
                if (sendAt.isAfter(now)) {
                    return new Firing(Optional.empty(), silence, dropped, Optional.of(new Due.Reminder(reminder.attempt(), sendAt)));
                }
                return new Firing(Optional.of(new Input.FollowUpDue(reminder.attempt())), silence.reminded(reminder.attempt(), now), dropped);
            }
            return new Firing(Optional.of(new Input.Abandoned()), silence, dropped);
        }
    }

    /**
     * The prospect blocked the bot at {@code now}: no reminder will reach them, so their silence is over and it ends
     * as it would have after the last reminder: abandoned now (once per run, as {@link #next} has it), which past the
     * partial-lead point makes the partial lead. Nothing comes after it: the firing's silence is never used for a
     * next timer. A conversation that would have no abandonment coming (finished, at a question without follow-ups,
     * abandoned already) has nothing to fire.
     */
    public Firing blocked(Conversation conversation, Instant now) {
        boolean abandonmentAhead = conversation.status() == Conversation.Status.ASKING
                && flow.followUps(conversation.node()).isPresent()
                && (!conversation.abandoned() || conversation.owesPartialLead(flow));
        return new Firing(abandonmentAhead ? Optional.of(new Input.Abandoned()) : Optional.empty(), Silence.from(now), List.of());
    }

    private Instant outsideQuietHours(Instant at, FollowUps followUps) {
        if (followUps.quietHours().isEmpty()) {
            return at;
        }
        FollowUps.QuietHours quiet = followUps.quietHours().get();
        ZonedDateTime local = at.atZone(followUps.timeZone().orElse(defaultZone));
        if (!quiet.contains(local.toLocalTime())) {
            return at;
        }
        ZonedDateTime end = local.with(quiet.to());
        return (end.isAfter(local) ? end : end.plusDays(1).with(quiet.to())).toInstant();
    }
}
