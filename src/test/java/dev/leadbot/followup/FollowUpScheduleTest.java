package dev.leadbot.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.engine.Conversation;
import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.flow.Flow;
import dev.leadbot.lead.Prospect;
import dev.leadbot.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When reminders and abandonment come, on a fixed clock: growing gaps, quiet hours, lateness, activity. */
class FollowUpScheduleTest {

    /** Reminders after 15 minutes, 3 hours and a day; quiet from 21:00 to 09:00 in Moscow (UTC+3). */
    static final String YAML = """
            language: en
            start: role
            follow_ups:
              quiet_hours: "21:00-09:00"
              time_zone: Europe/Moscow
              late_by_at_most: 6h
              abandon_after: 1d
              reminders:
                - {after: 15m, text: "Still there, {name}?"}
                - {after: 3h, text: "One tap and we go on."}
                - {after: 1d, text: "Last reminder."}
            nodes:
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner, next: about}
                  - {id: other, label: Other, next: bye}
              about:
                type: input
                text: Tell us about it.
                follow_ups:
                  reminders:
                    - {after: 1h, text: "A sentence or two is enough."}
                next: quiet_one
              quiet_one:
                type: choice
                text: Sure?
                follow_ups: none
                options:
                  - {id: yes, label: Yes, next: bye}
              bye: {type: end, text: Bye}
            """;
    static final Flow FLOW = Flows.parse(YAML);
    static final Prospect ANNA = new Prospect(42, 4242, Optional.empty(), "Anna", Optional.empty(), "en");
    /** 10:00 in Moscow. */
    static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");

    private final FollowUpSchedule schedule = new FollowUpSchedule(FLOW, ZoneOffset.UTC);
    private final ConversationEngine engine = new ConversationEngine(FLOW);

    private Conversation startedAt(Instant at) {
        return engine.handle(Optional.empty(), ANNA, new Input.Start(Optional.empty()), at).state();
    }

    private static Instant moscow(String dateTime) {
        return Instant.parse(dateTime + "Z").minus(Duration.ofHours(3));
    }

    /** Fires timers as the service would, the clock jumping to each one's moment; what each did, in order. */
    private List<String> silentUntil(Conversation conversation, Instant start, Instant end) {
        List<String> happened = new java.util.ArrayList<>();
        Silence silence = Silence.from(start);
        Optional<Due> due = schedule.next(conversation, silence);
        while (due.isPresent() && !due.get().at().isAfter(end)) {
            Instant now = due.get().at();
            Firing firing = schedule.fire(conversation, new FollowUpTimer(42, due.get(), silence), now);
            if (firing.input().isPresent()) {
                conversation = engine.handle(Optional.of(conversation), ANNA, firing.input().get(), now).state();
                happened.add(firing.input().get() + " at " + now);
            }
            silence = firing.silence();
            due = schedule.next(conversation, silence);
        }
        return happened;
    }

    /** The timer set when the prospect was asked at T0: the first reminder. */
    private FollowUpTimer firstTimer(Conversation asked) {
        Silence silence = Silence.from(T0);
        return new FollowUpTimer(42, schedule.next(asked, silence).orElseThrow(), silence);
    }

    @Test
    void aSilentProspectGetsEachReminderAtItsTimeThenIsAbandonedOnce() {
        Conversation asked = startedAt(T0);
        assertEquals(List.of(
                "FollowUpDue[attempt=1] at 2026-11-23T07:15:00Z",
                "FollowUpDue[attempt=2] at 2026-11-23T10:00:00Z",
                "FollowUpDue[attempt=3] at 2026-11-24T07:00:00Z",
                "Abandoned[] at 2026-11-25T07:00:00Z"), silentUntil(asked, T0, T0.plus(Duration.ofDays(30))));
    }

    @Test
    void aReminderDueAtNightWaitsForTheMorningAndTheGapsAfterItKeepTheirLength() {
        // 20:50 in Moscow: the 15-minute reminder falls at 21:05 and goes at 09:00; the 3-hour one keeps its 2h45m after it,
        // and the day-long one its 21h after that, which is at night again (08:45), so at 09:00.
        Instant evening = moscow("2026-11-23T20:50:00");
        assertEquals(List.of(
                "FollowUpDue[attempt=1] at " + moscow("2026-11-24T09:00:00"),
                "FollowUpDue[attempt=2] at " + moscow("2026-11-24T11:45:00"),
                "FollowUpDue[attempt=3] at " + moscow("2026-11-25T09:00:00"),
                "Abandoned[] at " + moscow("2026-11-26T09:00:00")), silentUntil(startedAt(evening), evening, evening.plus(Duration.ofDays(30))));
    }

    @Test
    void nothingIsDueDuringTheQuietHours() {
        Instant evening = moscow("2026-11-23T20:50:00");
        assertEquals(List.of(), silentUntil(startedAt(evening), evening, moscow("2026-11-24T08:59:59")));
    }

    @Test
    void aQuestionsOwnRemindersReplaceTheFlowsAndNoneMeansNothing() {
        Conversation atAbout = engine.handle(Optional.of(startedAt(T0)), ANNA, new Input.Typed("Owner"), T0).state();
        assertEquals("about", atAbout.node());
        assertEquals(Optional.of(new Due.Reminder(1, T0.plus(Duration.ofHours(1)))), schedule.next(atAbout, Silence.from(T0)));
        Conversation atQuiet = engine.handle(Optional.of(atAbout), ANNA, new Input.Typed("Fine, really"), T0).state();
        assertEquals("quiet_one", atQuiet.node());
        assertEquals(Optional.empty(), schedule.next(atQuiet, Silence.from(T0)));
    }

    @Test
    void aFinishedConversationHasNothingDue() {
        Conversation done = engine.handle(Optional.of(startedAt(T0)), ANNA, new Input.Typed("Other"), T0).state();
        assertEquals(Conversation.Status.COMPLETED, done.status());
        assertEquals(Optional.empty(), schedule.next(done, Silence.from(T0)));
    }

    @Test
    void aReminderDueDuringDowntimeGoesOnceWhenStillInTimeAndTheScheduleGoesOnFromThere() {
        Conversation asked = startedAt(T0);
        FollowUpTimer timer = firstTimer(asked);
        // Back 2 hours after the first reminder was due: it goes now; the second keeps its gap of 2h45m from now.
        Instant back = T0.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(2));
        Firing firing = schedule.fire(asked, timer, back);
        assertEquals(Optional.of(new Input.FollowUpDue(1)), firing.input());
        assertEquals(List.of(), firing.dropped());
        assertEquals(Optional.of(new Due.Reminder(2, back.plus(Duration.ofMinutes(165)))), schedule.next(asked, firing.silence()));
    }

    @Test
    void aReminderLaterThanTheFlowAllowsIsDroppedAndTheNextOneInTimeGoes() {
        Conversation asked = startedAt(T0);
        FollowUpTimer timer = firstTimer(asked);
        // Back 7 hours after the first was due (late_by_at_most 6h): the first is dropped; the second, due at 10:00 UTC, goes.
        Instant back = T0.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(7));
        Firing firing = schedule.fire(asked, timer, back);
        assertEquals(List.of(new Due.Reminder(1, T0.plus(Duration.ofMinutes(15)))), firing.dropped());
        assertEquals(Optional.of(new Input.FollowUpDue(2)), firing.input());
    }

    @Test
    void aReminderDueBeforeTheQuietHoursThatTheBotMissedIsNotSentAtNightAndTooLateForTheMorningIsDropped() {
        // Asked at 20:30 in Moscow: the first reminder is due at 20:45. The bot is back at 23:30, in the quiet hours:
        // their end, 09:00, is 12h15m after 20:45, later than late_by_at_most (6h), so it is dropped; the second waits for 09:00.
        Instant evening = moscow("2026-11-23T20:30:00");
        Conversation asked = startedAt(evening);
        Silence silence = Silence.from(evening);
        FollowUpTimer timer = new FollowUpTimer(42, schedule.next(asked, silence).orElseThrow(), silence);
        assertEquals(new Due.Reminder(1, moscow("2026-11-23T20:45:00")), timer.due());

        Firing firing = schedule.fire(asked, timer, moscow("2026-11-23T23:30:00"));

        assertEquals(Optional.empty(), firing.input());
        assertEquals(List.of(new Due.Reminder(1, moscow("2026-11-23T20:45:00"))), firing.dropped());
        assertEquals(Optional.empty(), firing.held());
        assertEquals(Optional.of(new Due.Reminder(2, moscow("2026-11-24T09:00:00"))), schedule.next(asked, firing.silence()));
    }

    @Test
    void aReminderMissedBeforeTheQuietHoursIsHeldToTheirEndWhenThatIsStillInTime() {
        Flow patient = Flows.parse(YAML.replace("late_by_at_most: 6h", "late_by_at_most: 1d"));
        FollowUpSchedule lenient = new FollowUpSchedule(patient, ZoneOffset.UTC);
        Instant evening = moscow("2026-11-23T20:30:00");
        Conversation asked = new ConversationEngine(patient).handle(Optional.empty(), ANNA, new Input.Start(Optional.empty()), evening).state();
        Silence silence = Silence.from(evening);
        FollowUpTimer timer = new FollowUpTimer(42, lenient.next(asked, silence).orElseThrow(), silence);

        Firing atNight = lenient.fire(asked, timer, moscow("2026-11-23T23:30:00"));
        assertEquals(Optional.empty(), atNight.input());
        assertEquals(List.of(), atNight.dropped());
        assertEquals(Optional.of(new Due.Reminder(1, moscow("2026-11-24T09:00:00"))), atNight.held());
        assertEquals(silence, atNight.silence());

        Firing inTheMorning = lenient.fire(asked, new FollowUpTimer(42, atNight.held().orElseThrow(), atNight.silence()),
                moscow("2026-11-24T09:00:00"));
        assertEquals(Optional.of(new Input.FollowUpDue(1)), inTheMorning.input());
    }

    @Test
    void aTimerThatIsNotDueAnyMoreFiresNothing() {
        Conversation asked = startedAt(T0);
        Silence silence = Silence.from(T0);
        // A timer stored for a moment that, worked out again, has not come (the flow changed): nothing now.
        Firing firing = schedule.fire(asked, new FollowUpTimer(42, new Due.Reminder(1, T0), silence), T0.plus(Duration.ofMinutes(1)));
        assertEquals(Optional.empty(), firing.input());
        assertEquals(silence, firing.silence());
    }

    @Test
    void anAbandonedConversationIsNotAbandonedAgainAfterTheProspectComesBackAndGoesSilent() {
        Conversation asked = startedAt(T0);
        Conversation abandoned = engine.handle(Optional.of(asked), ANNA, new Input.Abandoned(), T0).state();
        Instant later = T0.plus(Duration.ofDays(5));
        assertEquals(List.of(
                "FollowUpDue[attempt=1] at " + later.plus(Duration.ofMinutes(15)),
                "FollowUpDue[attempt=2] at " + later.plus(Duration.ofHours(3)),
                "FollowUpDue[attempt=3] at " + later.plus(Duration.ofDays(1))), silentUntil(abandoned, later, later.plus(Duration.ofDays(30))));
    }

    @Test
    void aFlowWithoutATimeZoneKeepsItsQuietHoursInTheOwnersZone() {
        Flow flow = Flows.parse(YAML.replace("  time_zone: Europe/Moscow\n", ""));
        Conversation asked = new ConversationEngine(flow).handle(Optional.empty(), ANNA, new Input.Start(Optional.empty()), T0).state();
        // 20:50 in Almaty (UTC+5): the first reminder at 21:05 there waits for 09:00 there.
        Instant evening = Instant.parse("2026-11-23T15:50:00Z");
        assertEquals(Optional.of(new Due.Reminder(1, Instant.parse("2026-11-24T04:00:00Z"))),
                new FollowUpSchedule(flow, java.time.ZoneId.of("Asia/Almaty")).next(asked, Silence.from(evening)));
    }
}
