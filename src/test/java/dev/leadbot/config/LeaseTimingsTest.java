package dev.leadbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LeaseTimingsTest {

    @Test
    void timingsWhoseExpiryIsUnderTwoHeartbeatsAreRefusedNamingTheSystemPropertiesThatSetThem() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LeaseTimings(Duration.ofSeconds(5), Duration.ofSeconds(6)));
        assertEquals("-Dleadbot.lease.heartbeat=PT5S and -Dleadbot.lease.expiry=PT6S: the expiry must be at least two heartbeats,"
                + " so one late heartbeat does not lose every bot", refused.getMessage());
    }

    @Test
    void thePropertiesAreReadByTheFlowsSpanParserWithMillisecondsOrAsIso8601() {
        List<SettingsProblem> found = new ArrayList<>();

        assertEquals(Optional.of(LeaseTimings.STANDARD), LeaseTimings.from(new Properties(), found));
        assertEquals(Optional.of(new LeaseTimings(Duration.ofMillis(500), Duration.ofSeconds(9))),
                LeaseTimings.from(properties("500ms", "PT9S"), found));
        assertEquals(Optional.of(new LeaseTimings(Duration.ofSeconds(2), Duration.ofMinutes(1))),
                LeaseTimings.from(properties(" 2S ", "1m"), found));
        assertEquals(List.of(), found);
    }

    @Test
    void everyWrongPropertyIsReportedAtOnceAndATooShortExpiryAsAValue() {
        List<SettingsProblem> found = new ArrayList<>();

        assertEquals(Optional.empty(), LeaseTimings.from(properties("soon", "5 s"), found));
        assertEquals(Optional.empty(), LeaseTimings.from(properties("5s", "6s"), found));
        assertEquals(List.of("-Dleadbot.lease.heartbeat=soon: write a duration such as 5s, 500ms or PT5S",
                "-Dleadbot.lease.expiry=5 s: write a duration such as 5s, 500ms or PT5S",
                "-Dleadbot.lease.heartbeat=PT5S and -Dleadbot.lease.expiry=PT6S: the expiry must be at least two heartbeats, so one late"
                        + " heartbeat does not lose every bot"), found.stream().map(SettingsProblem::toString).toList());
        assertEquals(Optional.empty(), found.get(0).place());
    }

    private static Properties properties(String heartbeat, String expiry) {
        Properties properties = new Properties();
        properties.setProperty(LeaseTimings.HEARTBEAT, heartbeat);
        properties.setProperty(LeaseTimings.EXPIRY, expiry);
        return properties;
    }
}
