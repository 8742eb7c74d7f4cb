package dev.leadbot.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.engine.Input;
import dev.leadbot.flow.Flow;
import dev.leadbot.testing.Flows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelReportTest {

    private static final Flow FLOW = Flows.parse(FunnelChat.YAML);
    private static final Duration IDLE = Duration.ofHours(1);
    private static final Instant NOW = FunnelChat.T0.plus(Duration.ofHours(3));

    private final List<FunnelEvent> events = new ArrayList<>();

    private FunnelChat chat(long id) {
        return new FunnelChat(FLOW, id, FunnelChat.T0.plus(Duration.ofMinutes(id)), events);
    }

    /**
     * Five prospects: two become leads (one after going back), two stop (at role, at size), one is
     * still answering a minute before the report.
     */
    private FunnelReport scripted() {
        chat(1).start("ads").after(Duration.ofSeconds(20)).choose("owner").after(Duration.ofSeconds(10)).choose("small")
                .after(Duration.ofSeconds(30)).type("Ann");
        chat(2).start("ads").after(Duration.ofSeconds(10)).choose("owner");
        chat(3).start().after(Duration.ofSeconds(10)).choose("expert").send(new Input.Back()).after(Duration.ofSeconds(10)).choose("expert")
                .after(Duration.ofSeconds(40)).type("Bo");
        chat(4).start("blog");
        new FunnelChat(FLOW, 5, NOW.minus(Duration.ofMinutes(2)), events).start("blog").after(Duration.ofSeconds(10)).choose("owner")
                .after(Duration.ofSeconds(10)).choose("large");
        return FunnelReport.of(List.copyOf(events), FunnelChat.T0, NOW, IDLE);
    }

    @Test
    void perQuestionTheFunnelCountsWhoReachedAnsweredAndStoppedExactly() {
        FunnelReport report = scripted();
        assertEquals(List.of(
                new FunnelReport.Question("role", 5, 4, 1, Optional.of(Duration.ofSeconds(10))),
                new FunnelReport.Question("size", 3, 2, 1, Optional.of(Duration.ofSeconds(10))),
                new FunnelReport.Question("name_given", 3, 2, 0, Optional.of(Duration.ofSeconds(35)))), report.questions());
    }

    @Test
    void totalsCountEachProspectOnceWhateverTheyUndid() {
        FunnelReport.Totals totals = scripted().totals();
        assertEquals(new FunnelReport.Totals(5, 2, 2, 1, 1, 0, 0, Optional.of(Duration.ofMinutes(1)), 0, 0), totals);
        assertEquals(0.4, totals.conversion(), 1e-9);
    }

    @Test
    void conversionFromStartToLeadPerPathAndPerSource() {
        FunnelReport report = scripted();
        assertEquals(List.of(
                new FunnelReport.Group("owner", 3, 1, Optional.of(Duration.ofSeconds(60))),
                new FunnelReport.Group("expert", 1, 1, Optional.of(Duration.ofSeconds(60))),
                new FunnelReport.Group(FunnelReport.NONE, 1, 0, Optional.empty())), report.paths());
        assertEquals(List.of(
                new FunnelReport.Group("ads", 2, 1, Optional.of(Duration.ofSeconds(60))),
                new FunnelReport.Group("blog", 2, 0, Optional.empty()),
                new FunnelReport.Group(FunnelReport.NONE, 1, 1, Optional.of(Duration.ofSeconds(60)))), report.sources());
    }

    @Test
    void remindersAndAbandonmentsAreCountedExactlyAndNeitherIsASignOfLife() {
        // One prospect stays silent after a reminder and is abandoned; the other answers after theirs.
        new FunnelChat(FLOW, 7, FunnelChat.T0, events).start().choose("owner").after(Duration.ofMinutes(15))
                .send(new Input.FollowUpDue(1)).after(Duration.ofMinutes(45)).send(new Input.Abandoned());
        new FunnelChat(FLOW, 8, FunnelChat.T0, events).start().after(Duration.ofMinutes(15)).send(new Input.FollowUpDue(1))
                .after(Duration.ofMinutes(40)).choose("owner");
        FunnelReport report = FunnelReport.of(List.copyOf(events), FunnelChat.T0, FunnelChat.T0.plus(Duration.ofMinutes(70)), IDLE);
        assertEquals(new FunnelReport.Totals(2, 0, 1, 1, 0, 0, 0, Optional.empty(), 2, 1), report.totals());
        assertEquals(List.of(new FunnelReport.Question("role", 2, 2, 0, Optional.of(Duration.ofMinutes(55).dividedBy(2))),
                new FunnelReport.Question("size", 2, 0, 1, Optional.empty())), report.questions());
    }

    @Test
    void aProspectSilentForLessThanTheIdleTimeIsInProgressNotStopped() {
        scripted();
        FunnelReport report = FunnelReport.of(List.copyOf(events), FunnelChat.T0, NOW, Duration.ofHours(4));
        assertEquals(List.of(0, 0, 0), report.questions().stream().map(FunnelReport.Question::stopped).toList());
        assertEquals(3, report.totals().inProgress());
    }

    @Test
    void noEventsGiveAnEmptyReport() {
        FunnelReport report = FunnelReport.of(List.of(), FunnelChat.T0, NOW, IDLE);
        assertEquals(new FunnelReport.Totals(0, 0, 0, 0, 0, 0, 0, Optional.empty(), 0, 0), report.totals());
        assertEquals(List.of(), report.questions());
        assertEquals(0, report.totals().conversion());
    }
}
