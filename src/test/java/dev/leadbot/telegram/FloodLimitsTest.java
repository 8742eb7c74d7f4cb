package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FloodLimitsTest {

    @Test
    void aRetryAfterWaitsTheBotApisSecondsRealSecondsWithTelegram() {
        assertEquals(Duration.ofSeconds(3), FloodLimits.TELEGRAM.wait(Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(3), FloodLimits.TELEGRAM.withBulkPerSecond(100).wait(Duration.ofSeconds(3)));
    }

    @Test
    void aFakeWhoseClockRunsTenTimesFasterIsWaitedForTenTimesFaster() {
        assertEquals(Duration.ofMillis(300), new FloodLimits(5, Duration.ofMillis(100), 300, Duration.ofMillis(100)).wait(Duration.ofSeconds(3)));
    }
}
