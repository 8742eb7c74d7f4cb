package dev.leadbot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final RetrySchedule middle = new RetrySchedule(() -> 0.5);

    @Test
    void retriesStartAtFiveSecondsAndDouble() {
        assertEquals(Optional.of(T0.plusSeconds(5)), middle.next(1, Optional.empty(), T0, T0));
        assertEquals(Optional.of(T0.plusSeconds(10)), middle.next(2, Optional.empty(), T0, T0));
        assertEquals(Optional.of(T0.plusSeconds(40)), middle.next(4, Optional.empty(), T0, T0));
    }

    @Test
    void theWaitNeverExceedsTwoHours() {
        assertEquals(Optional.of(T0.plus(Duration.ofHours(2))), middle.next(30, Optional.empty(), T0, T0));
    }

    @Test
    void jitterSpreadsRetriesByAFifthEitherWay() {
        assertEquals(Optional.of(T0.plusSeconds(8)), new RetrySchedule(() -> 0.0).next(2, Optional.empty(), T0, T0));
        assertEquals(Optional.of(T0.plusMillis(11_996)), new RetrySchedule(() -> 0.999).next(2, Optional.empty(), T0, T0));
    }

    @Test
    void aSinksOwnLongerRetryAfterWins() {
        assertEquals(Optional.of(T0.plusSeconds(60)), middle.next(1, Optional.of(Duration.ofSeconds(60)), T0, T0));
        assertEquals(Optional.of(T0.plusSeconds(5)), middle.next(1, Optional.of(Duration.ofSeconds(1)), T0, T0));
    }

    @Test
    void afterADayItGivesUp() {
        Instant almostADayLater = T0.plus(Duration.ofHours(23));

        assertEquals(Optional.empty(), middle.next(15, Optional.empty(), T0, almostADayLater));
    }
}
