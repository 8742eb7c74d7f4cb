package dev.leadbot.store;

import dev.leadbot.config.DatabaseUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.followup.Due;
import dev.leadbot.followup.FollowUpTimer;
import dev.leadbot.followup.Silence;
import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.lead.Lead;
import dev.leadbot.testing.PostgresServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** A bot's SQLite file moved into its PostgreSQL schema: everything arrives, or nothing and a sentence saying what to do. */
class StoreTransferTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Lead LEAD = dev.leadbot.sink.SinkFixtures.lead(1);
    private static final FunnelEvent STEP = new FunnelEvent(FunnelEvent.Kind.ANSWERED, 42, T0, "qualification", "0a1b2c3d",
            T0.minusSeconds(30), 3, "role", Optional.of("owner"), Optional.of("owner"), Optional.of("vk_ads"));
    private static final FollowUpTimer ABANDON = new FollowUpTimer(42, new Due.Abandon(T0.plus(Duration.ofMinutes(15))), Silence.from(T0));

    @TempDir
    Path dir;

    private Database.SqliteFile file;
    private Database.Postgres schema;

    @BeforeEach
    void places(TestInfo test) {
        file = new Database.SqliteFile(dir.resolve("data/leadbot.db"));
        schema = PostgresServer.freshDatabase(test.getTestMethod().orElseThrow().getName());
    }

    /** A row in every table, as the bot writes them: a conversation half-way, a lead waiting for its CRM, a manager talking. */
    private void aBotRanOnTheFile() throws StoreException {
        try (Store store = Store.open(file, CLOCK)) {
            Batch batch = new Batch(List.of("crm"));
            batch.put(42, StoreTest.MIDWAY);
            batch.send(42, List.of("first", "second", "third"));
            batch.record(List.of(STEP));
            batch.followUp(42, Optional.of(ABANDON));
            batch.completed(LEAD);
            batch.dialog(new DialogChange.Opened(LEAD.prospect().chatId(), LEAD.id(), "Клиент 1", "Иван"));
            batch.dialog(new DialogChange.Writing(1000, LEAD.prospect().chatId()));
            batch.dialog(new DialogChange.Said(LEAD.id(), DialogChange.Kind.TO_PROSPECT, "Иван", "Здравствуйте"));
            batch.handled(1001);
            List<Outgoing> replies = store.commit("qualification", batch);
            store.replies().sent(replies.get(0), Optional.of(new ReplyStore.QuestionMessage(7, 555)));
            store.ownerMessages().record(new OwnerMessageStore.OwnerMessage(1000, 77, List.of(LEAD.id())));
        }
    }

    @Test
    void everyTableArrivesWholeAndTheBotGoesOnNumberingAfterIt() throws Exception {
        aBotRanOnTheFile();

        StoreTransfer.Transferred moved = StoreTransfer.copy(file, schema, false, CLOCK);

        assertEquals(new StoreTransfer.Transferred(Migrations.latest(), List.of(table("conversations", 1), table("question_messages", 1),
                table("polling", 1), table("leads", 1), table("deliveries", 1), table("outgoing", 2), table("funnel_events", 1),
                table("owner_messages", 1), table("dialogs", 1), table("dialog_writers", 1), table("dialog_messages", 1),
                table("follow_ups", 1))), moved);
        try (Store store = Store.open(schema, CLOCK)) {
            assertEquals(Optional.of(StoreTest.MIDWAY), store.conversations().conversation(42));
            assertEquals(OptionalLong.of(1001), store.lastUpdateId());
            assertEquals(Optional.of(555), store.replies().questionMessage(42, 7));
            List<Outgoing> unsent = store.replies().unsent();
            assertEquals(List.of("second", "third"), unsent.stream().map(Outgoing::payload).toList());
            assertEquals(List.of(LEAD.id()), store.deliveries().claimDue("crm", T0.plus(Duration.ofDays(1)), 10).stream().map(Lead::id).toList());
            assertEquals(List.of(new OwnerMessageStore.OwnerMessage(1000, 77, List.of(LEAD.id()))), store.ownerMessages().showing(LEAD.id()));
            assertEquals(List.of(new DialogStore.OpenDialog(LEAD.prospect().chatId(), LEAD.id(), "Клиент 1", "Иван", List.of(1000L))),
                    store.dialogs().open());
            assertEquals(List.of(STEP), store.funnel().events(Instant.EPOCH, false));
            assertEquals(List.of(ABANDON), store.followUps().due(T0.plus(Duration.ofHours(1)), 10));

            Batch next = new Batch();
            next.send(42, List.of("fourth"));
            next.record(List.of(STEP));
            next.dialog(new DialogChange.Said(LEAD.id(), DialogChange.Kind.FROM_PROSPECT, "Клиент 1", "Спасибо"));
            List<Outgoing> fourth = store.commit("qualification", next);
            assertTrue(fourth.get(0).id() > unsent.get(1).id(), "a new message is numbered after the moved ones: " + fourth);
            assertEquals(2, store.funnel().events(Instant.EPOCH, false).size());
            assertEquals(2, store.dialogs().lines(LEAD.id()).size());
        }
        try (Store store = Store.openForTools(file, CLOCK)) {
            assertEquals(List.of("second", "third"), store.replies().unsent().stream().map(Outgoing::payload).toList(), "the file is as it was");
        }
    }

    @Test
    void aBotStartedOnTheMovedFileIsRefusedSayingWhereItsStateIsNow() throws Exception {
        aBotRanOnTheFile();
        StoreTransfer.copy(file, schema, false, CLOCK);

        StoreException refused = assertThrows(StoreException.class, () -> Store.open(file, CLOCK));
        assertEquals(file + " was moved to " + schema + " by 'leadbot migrate': start the bot with LEADBOT_DB set to that database (or"
                + " db: in the settings); to run on the file again instead, delete " + file + ".moved", refused.getMessage());

        java.nio.file.Files.delete(dir.resolve("data/leadbot.db.moved"));
        try (Store again = Store.open(file, CLOCK)) {
            assertEquals(OptionalLong.of(1001), again.lastUpdateId());
        }
    }

    @Test
    void theTablesItCopiesAreEveryTableABotsFileHas() throws Exception {
        java.util.Set<String> inFile = new java.util.TreeSet<>();
        try (Store store = Store.open(file, CLOCK); java.sql.Statement s = store.connection().createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (r.next()) {
                inFile.add(r.getString(1));
            }
        }
        assertEquals(inFile, new java.util.TreeSet<>(StoreTransfer.tables()));
    }

    @Test
    void aFileOfAnOlderSchemaIsUpgradedAsTheBotWouldThenMoved() throws Exception {
        java.nio.file.Files.createDirectories(file.file().getParent());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.file());
                java.sql.Statement s = c.createStatement()) {
            for (String step : Migrations.step(0, Dialect.SQLITE)) {
                s.execute(step);
            }
            s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO conversations VALUES (42, 'qualification', '" + ConversationJson.write(StoreTest.MIDWAY)
                    .replace("'", "''") + "', '2026-11-22T10:00:00Z')");
            s.execute("INSERT INTO polling VALUES (1, 500)");
        }

        StoreTransfer.Transferred moved = StoreTransfer.copy(file, schema, false, CLOCK);

        assertEquals(Migrations.latest(), moved.version());
        try (Store store = Store.open(schema, CLOCK)) {
            assertEquals(Optional.of(StoreTest.MIDWAY), store.conversations().conversation(42));
            assertEquals(OptionalLong.of(500), store.lastUpdateId());
        }
    }

    @Test
    void aMissingFileIsNamedWithWhereTheBotKeepsIt() {
        Database.SqliteFile missing = new Database.SqliteFile(dir.resolve("data/leadbot.db"));
        StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(missing, schema, false, CLOCK));
        assertEquals(missing + " does not exist: name the bot's database file with --from (LEADBOT_DB or db: in the settings;"
                + " data/leadbot.db by default, data/NAME/leadbot.db for a bot named NAME)", refused.getMessage());
        assertFalse(java.nio.file.Files.exists(missing.file()), "no empty database made in its place");
    }

    @Test
    void aFileARunningBotHoldsIsRefusedSayingToStopItFirst() throws Exception {
        aBotRanOnTheFile();
        try (Store running = Store.open(file, CLOCK)) {
            StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(file, schema, false, CLOCK));
            assertEquals(file + " is in use by a running leadbot: stop the bot first (Telegram keeps its updates meanwhile), run migrate"
                    + " again, then start the bot with LEADBOT_DB set to the PostgreSQL URL", refused.getMessage());
            assertEquals(OptionalLong.of(1001), running.lastUpdateId(), "the running bot's file is untouched");
        }
    }

    @Test
    void aSchemaARunningBotHoldsIsRefused() throws Exception {
        aBotRanOnTheFile();
        try (Store running = Store.open(schema, CLOCK)) {
            StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(file, schema, false, CLOCK));
            assertEquals(schema + " is in use by a running leadbot: stop the bot running on PostgreSQL, then run migrate again",
                    refused.getMessage());
            assertEquals(List.of(), running.conversations().openConversations(), "nothing copied under the running bot");
        }
    }

    @Test
    void aSchemaHoldingRowsIsRefusedUnlessReplacedAndThenHoldsTheFileAlone() throws Exception {
        aBotRanOnTheFile();
        StoreTransfer.copy(file, schema, false, CLOCK);
        try (Store store = Store.open(file, CLOCK, true)) { // the operator went on with the file (and moves it again below)
            Batch another = new Batch();
            another.put(43, StoreTest.MIDWAY);
            store.commit("qualification", another);
        }

        StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(file, schema, false, CLOCK));
        assertEquals(schema + " already holds rows (1 in conversations, 1 in question_messages, 1 in polling, 1 in leads, 1 in"
                + " deliveries, 2 in outgoing, 1 in funnel_events, 1 in owner_messages, 1 in dialogs, 1 in dialog_writers, 1 in"
                + " dialog_messages, 1 in follow_ups): migrate never mixes two histories; run it with --replace to delete them and copy"
                + " the file, or move into another database", refused.getMessage());

        StoreTransfer.Transferred replaced = StoreTransfer.copy(file, schema, true, CLOCK);
        assertEquals(table("conversations", 2), replaced.tables().get(0));
        try (Store store = Store.open(schema, CLOCK)) {
            assertEquals(2, store.conversations().openConversations().size());
            assertEquals(List.of("second", "third"), store.replies().unsent().stream().map(Outgoing::payload).toList());
        }
    }

    @Test
    void aWrongPasswordIsNeverShownAndSaysWhatToCheck() throws Exception {
        aBotRanOnTheFile();
        Database.Postgres wrong = (Database.Postgres) DatabaseUrl.parse(PostgresServer.shared().url()
                .replace(PostgresServer.PASSWORD, "not-the-Secret-81")).forBot("wrong_password");
        StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(file, wrong, false, CLOCK));
        assertEquals("cannot connect to " + wrong + ": FATAL: password authentication failed for user \"leadbot\"; check the user and"
                + " password in LEADBOT_DB (or db: in the settings)", refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-Secret-81"));
    }

    @Test
    void anUnreachableServerSaysToCheckItRuns() throws Exception {
        aBotRanOnTheFile();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Database.Postgres nowhere = (Database.Postgres) DatabaseUrl.parse("postgresql://leadbot:hush-7@127.0.0.1:" + closed + "/postgres");
        StoreException refused = assertThrows(StoreException.class, () -> StoreTransfer.copy(file, nowhere, false, CLOCK));
        assertTrue(refused.getMessage().startsWith("cannot connect to postgresql://leadbot:***@127.0.0.1:" + closed + "/postgres (schema"
                + " leadbot): "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; is PostgreSQL running there and listening on that port?"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hush-7"));
    }

    private static StoreTransfer.Table table(String name, long rows) {
        return new StoreTransfer.Table(name, rows);
    }
}
