package dev.leadbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void aFlowWritesSecondsMinutesHoursAndDaysButNeverMilliseconds() {
        assertEquals(Optional.of(Duration.ofMinutes(90)), Durations.parse("1h30m"));
        assertEquals(Optional.of(Duration.ofDays(1)), Durations.parse("1d"));
        assertEquals(Optional.empty(), Durations.parse("500ms"));
        assertEquals(Optional.empty(), Durations.parse("15"));
        assertEquals(Optional.empty(), Durations.parse("15 m"));
    }

    @Test
    void settingsReadTheSameSpansWithMillisecondsBesides() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parseWithMillis("500ms"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), Durations.parseWithMillis("1s500ms"));
        assertEquals(Optional.of(Duration.ofMinutes(90)), Durations.parseWithMillis("1h30m"));
        assertEquals(Optional.empty(), Durations.parseWithMillis("5 s"));
        assertEquals(Optional.empty(), Durations.parseWithMillis("PT5S"));
    }
}
