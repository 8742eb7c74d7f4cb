package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.store.Batch;
import dev.leadbot.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    private static final Instant NOW = Run.CLOCK.instant();

    @TempDir
    Path dir;

    private Path db;

    private static FunnelEvent event(FunnelEvent.Kind kind, long chat, Duration ago, Duration started, int step, String node,
            String answer, String path, String source) {
        return new FunnelEvent(kind, chat, NOW.minus(ago), "qualification", "0a1b2c3d", NOW.minus(started), step, node,
                Optional.ofNullable(answer), Optional.ofNullable(path), Optional.ofNullable(source));
    }

    /** Chat 42 came from vk_ads, chose owner and has been silent at sphere for two hours; chat 43 chose expert and became a lead. */
    @BeforeEach
    void seed() throws Exception {
        db = dir.resolve("leadbot.db");
        Duration h2 = Duration.ofHours(2);
        Duration m30 = Duration.ofMinutes(30);
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.record(List.of(
                    event(FunnelEvent.Kind.STARTED, 42, h2, h2, 1, "greeting", null, null, "vk_ads"),
                    event(FunnelEvent.Kind.SHOWN, 42, h2, h2, 1, "role", null, null, "vk_ads"),
                    event(FunnelEvent.Kind.ANSWERED, 42, h2.minusSeconds(12), h2, 1, "role", "owner", "owner", "vk_ads"),
                    event(FunnelEvent.Kind.SHOWN, 42, h2.minusSeconds(12), h2, 2, "sphere", null, "owner", "vk_ads"),
                    event(FunnelEvent.Kind.STARTED, 43, m30, m30, 1, "greeting", null, null, null),
                    event(FunnelEvent.Kind.SHOWN, 43, m30, m30, 1, "role", null, null, null),
                    event(FunnelEvent.Kind.ANSWERED, 43, m30.minusSeconds(8), m30, 1, "role", "expert", "expert", null),
                    event(FunnelEvent.Kind.SHOWN, 43, m30.minusSeconds(8), m30, 2, "concept", null, "expert", null),
                    event(FunnelEvent.Kind.ANSWERED, 43, m30.minusSeconds(98), m30, 2, "concept", null, "expert", null),
                    event(FunnelEvent.Kind.COMPLETED, 43, m30.minusSeconds(98), m30, 2, "thanks", null, "expert", null)));
            store.commit("qualification", batch);
        }
    }

    @Test
    void theTableShowsPerQuestionWhoReachedAnsweredAndStopped() {
        Run run = Run.of("", "stats", "--db", db.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("""
                Funnel of every recorded step up to 2026-11-22 10:00 UTC, flow version 0a1b2c3d
                started 2 · leads 1 (50.0 %) · stopped 1 · in progress 0 · median to lead 1m 38s
                back 0 · restarts 0 · resumed 0 · reminders 0 · abandoned 0 · stopped = silent for 1h 00m or longer

                question  reached  answered  stopped  median answer
                role            2         2        0            10s
                sphere          1         0        1              —
                concept         1         1        0         1m 30s
                """, run.out());
    }

    @Test
    void conversionPerPathAndPerSource() {
        assertEquals(List.of("path    started  leads  conversion  median to lead", "owner         1      0       0.0 %               —",
                "expert        1      1     100.0 %          1m 38s"),
                Run.of("", "stats", "--db", db.toString(), "--by", "path").out().lines().skip(4).toList());
        assertEquals(List.of("source  started  leads  conversion  median to lead", "vk_ads        1      0       0.0 %               —",
                "—             1      1     100.0 %          1m 38s"),
                Run.of("", "stats", "--db", db.toString(), "--by", "source").out().lines().skip(4).toList());
    }

    @Test
    void csvForExcelAndJsonWithEveryTable() {
        assertEquals("\uFEFFquestion,reached,answered,stopped,median answer\r\nrole,2,2,0,10.0\r\nsphere,1,0,1,\r\nconcept,1,1,0,90.0\r\n",
                Run.of("", "stats", "--db", db.toString(), "--format", "csv").out());
        String json = Run.of("", "stats", "--db", db.toString(), "--format", "json", "--idle", "3h").out();
        assertEquals(true, json.contains("\"stopped\" : 0,\n    \"in_progress\" : 1"), json);
        assertEquals(true, json.contains("\"name\" : \"vk_ads\",\n    \"started\" : 1,\n    \"leads\" : 0,\n    \"conversion\" : 0.0,\n"
                + "    \"median_seconds_to_lead\" : null"), json);
    }

    @Test
    void sinceLeavesOutEarlierStepsAndBadOptionsSayWhatToWrite() {
        assertEquals("started 1 · leads 1 (100.0 %) · stopped 0 · in progress 0 · median to lead 1m 38s",
                Run.of("", "stats", "--db", db.toString(), "--since", "1h").out().lines().skip(1).findFirst().orElseThrow());
        Run badSince = Run.of("", "stats", "--db", db.toString(), "--since", "last week");
        assertEquals(2, badSince.status());
        assertEquals(Since.USAGE + "\n", badSince.err());
        Run badIdle = Run.of("", "stats", "--db", db.toString(), "--idle", "soon");
        assertEquals(2, badIdle.status());
        assertEquals("--idle takes a span such as 30m, 1h or 2d\n", badIdle.err());
    }

    @Test
    void theTerminalChatsTestConversationsAreCountedApart() {
        Path terminalDb = dir.resolve("terminal.db");
        assertEquals(0, Run.of(ChatCommandTest.EXPERT_SCRIPT, "chat", "--db", terminalDb.toString(), "--name", "Anna").status());

        assertEquals("started 0 · leads 0 (0.0 %) · stopped 0 · in progress 0 · median to lead —",
                Run.of("", "stats", "--db", terminalDb.toString()).out().lines().skip(1).findFirst().orElseThrow());
        List<String> terminal = Run.of("", "stats", "--db", terminalDb.toString(), "--terminal").out().lines().toList();
        assertEquals("started 1 · leads 1 (100.0 %) · stopped 0 · in progress 0 · median to lead 0s", terminal.get(1));
        assertEquals(List.of("role", "features", "concept", "contact_intro", "contact_name", "channel", "phone", "contact_time"),
                terminal.stream().skip(5).map(line -> line.split(" ")[0]).toList());
    }

    @Test
    void severalFlowVersionsAreEachShownFromTheirFirstStepTheNewestSaidSo() throws Exception {
        try (Store store = Store.open(db, Run.CLOCK)) {
            Batch batch = new Batch();
            batch.record(List.of(new FunnelEvent(FunnelEvent.Kind.STARTED, 44, NOW.minus(Duration.ofMinutes(10)), "qualification",
                    "9f8e7d6c", NOW.minus(Duration.ofMinutes(10)), 1, "greeting", Optional.empty(), Optional.empty(), Optional.empty())));
            store.commit("qualification", batch);
        }

        List<String> lines = Run.of("", "stats", "--db", db.toString()).out().lines().limit(2).toList();

        assertEquals(List.of("Funnel of every recorded step up to 2026-11-22 10:00 UTC",
                "flow versions, one per edit a prospect could notice: 0a1b2c3d (from 2026-11-22 08:00), 9f8e7d6c (from 2026-11-22 09:50,"
                        + " the newest)"), lines);
    }

    @Test
    void theTerminalStatsOfANamedBotReadThatBotsTerminalChat() throws Exception {
        Path settings = dir.resolve("leadbot.yaml");
        java.nio.file.Files.writeString(settings, "bots:\n  dental:\n    db: " + dir.resolve("dental/leadbot.db") + "\n"
                + "  shop:\n    db: " + dir.resolve("shop/leadbot.db") + "\n");
        assertEquals(0, Run.of(ChatCommandTest.EXPERT_SCRIPT, "chat", "--config", settings.toString(), "--bot", "dental").status());

        List<String> dental = Run.of("", "stats", "--terminal", "--config", settings.toString(), "--bot", "dental").out().lines().toList();
        Run shop = Run.of("", "stats", "--terminal", "--config", settings.toString(), "--bot", "shop");

        assertEquals("started 1 · leads 1 (100.0 %) · stopped 0 · in progress 0 · median to lead 0s", dental.get(1));
        assertEquals(1, shop.status());
        assertEquals(true, shop.err().startsWith(dir.resolve("shop/chat.db") + " does not exist: "), "the shop's own file: " + shop.err());
        assertEquals(true, java.nio.file.Files.exists(dir.resolve("dental/chat.db")));
    }
}
