package dev.leadbot.flow;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a flow does when a prospect goes silent at a question ({@code follow_ups:}): the reminders,
 * each after a longer silence than the one before; when the conversation counts as abandoned; the
 * owner's quiet hours, when nothing is sent; and how late a reminder may still go out after the
 * bot was down. A question may give its own reminders and abandon_after, or none at all; the
 * quiet hours, the time zone and the lateness are the flow's.
 *
 * @param reminders    in order, each {@code after} longer than the one before
 * @param abandonAfter the silence after the last reminder (after the question, when there are none) after which the
 *                     conversation counts as abandoned
 * @param quietHours   when no reminder is sent: one due then waits for their end
 * @param timeZone     the zone the quiet hours are written in; empty: the zone of the machine the bot runs on
 * @param lateByAtMost a reminder whose moment passed longer ago than this (the bot was down) is dropped, not sent
 */
public record FollowUps(List<Reminder> reminders, Duration abandonAfter, Optional<QuietHours> quietHours, Optional<ZoneId> timeZone,
        Duration lateByAtMost) {

    /** Without {@code late_by_at_most:}: an hour late a reminder still reads as meant; a day late it would not. */
    public static final Duration LATE_BY_AT_MOST = Duration.ofHours(1);
    /** Without {@code abandon_after:}: a day of silence after the last reminder. */
    public static final Duration ABANDON_AFTER = Duration.ofDays(1);

    public FollowUps {
        reminders = List.copyOf(reminders);
        Objects.requireNonNull(abandonAfter, "abandonAfter");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lateByAtMost, "lateByAtMost");
    }

    /** The same flow-wide settings with a question's own reminders and abandon_after. */
    FollowUps forQuestion(List<Reminder> own, Optional<Duration> ownAbandonAfter) {
        return new FollowUps(own, ownAbandonAfter.orElse(abandonAfter), quietHours, timeZone, lateByAtMost);
    }

    /** One reminder: sent once the prospect has been silent at the question for {@code after}. */
    public record Reminder(Duration after, Text text) {
        public Reminder {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A daily span of local time, possibly across midnight ({@code 21:00-09:00}), when nothing is sent. */
    public record QuietHours(LocalTime from, LocalTime to) {
        public QuietHours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " are empty");
            }
        }

        public boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }
}
