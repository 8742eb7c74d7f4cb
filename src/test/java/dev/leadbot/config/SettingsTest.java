package dev.leadbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.store.Database;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final String TOKEN = "1234567:AAFakeTokenForLocalTestsOnly_abcdefghij";

    @TempDir
    Path dir;

    @Test
    void theEnvironmentAloneIsEnough() throws IOException {
        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111, 222",
                "LEADBOT_TELEGRAM_API_URL", "http://127.0.0.1:8081"), dir.resolve("none.yaml"));

        TelegramSettings settings = result.telegram().orElseThrow();
        assertEquals(List.of(111L, 222L), settings.ownerChatIds());
        assertEquals(URI.create("http://127.0.0.1:8081"), settings.apiUrl());
        assertEquals(Path.of("flows/qualification.yaml"), result.flow());
    }

    @Test
    void theFileFillsInAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_ids: [1, 2]\nflow: flows/other.yaml\n");

        BotSettings result = Settings.read(Map.of("LEADBOT_FLOW", "flows/env.yaml"), file);

        assertEquals(List.of(1L, 2L), result.telegram().orElseThrow().ownerChatIds());
        assertEquals(Path.of("flows/env.yaml"), result.flow());
    }

    @Test
    void theBulkRateDefaultsToTelegramsBulkFigureAndCanBeRaisedForPaidBroadcasts() throws IOException {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN);

        assertEquals(30, Settings.read(env, dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
        assertEquals(300, Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "300"),
                dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
    }

    @Test
    void aBulkRateOutOfRangeSaysWhatToWrite() throws IOException {
        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "fast"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_BULK_PER_SECOND is 'fast'; write messages a second from 1 to 1000 (Telegram allows about 30"
                + " without paid broadcasts; leave it unset for 30)"), texts(result.problems()));
    }

    @Test
    void theOldOverallSendRateIsRefusedWithWhatReplacedIt() throws IOException {
        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_SEND_PER_SECOND", "25"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_SEND_PER_SECOND is no longer read: replies to prospects are not capped overall any more (Telegram"
                + " limits each chat, not the bot); remove it, and set LEADBOT_BULK_PER_SECOND instead if you meant the cap on messages"
                + " the bot starts itself (owner summaries, alerts; default 30)"), texts(result.problems()));
    }

    @Test
    void sinksAreReadWithTheirSecretsFromTheEnvironmentAndTheirFieldMapping() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: amocrm\n    base_url: https://x.amocrm.ru\n    token: ${AMO}\n    fields:\n"
                + "      555001: sphere\n  - type: google_sheets\n    name: sheet\n    columns: [lead_id, name]\n");

        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "AMO", "secret-amo-token"), file);

        assertEquals(List.of(), texts(result.problems()));
        SinkSettings amo = result.sinks().get(0);
        assertEquals(new SinkSettings("amocrm", "amocrm", file + ":2:5", Map.of("type", "amocrm", "name", "amocrm",
                "base_url", "https://x.amocrm.ru", "token", "secret-amo-token"), Map.of("555001", "sphere"), amo.places()), amo);
        assertEquals(file + ":4:5", amo.placeOf("token"));
        assertEquals(file + ":6:15", amo.placeOf("fields.555001"));
        assertEquals("lead_id,name", result.sinks().get(1).values().get("columns"));
        assertFalse(result.sinks().get(0).toString().contains("secret-amo-token"));
    }

    @Test
    void aMissingTokenSaysWhereToGetOne() throws IOException {
        BotSettings result = Settings.read(Map.of(), dir.resolve("none.yaml"));

        assertEquals(List.of("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), then set"
                + " TELEGRAM_BOT_TOKEN (or telegram_bot_token: in leadbot.yaml) to the token it gives you"), texts(result.problems()));
    }

    @Test
    void aMalformedTokenIsRefusedWithoutEchoingIt() throws IOException {
        String secret = "12345:short-secret-value";
        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", secret), dir.resolve("none.yaml"));

        assertFalse(result.telegram().isPresent());
        assertTrue(texts(result.problems()).get(0).startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token"), texts(result.problems()).toString());
        assertFalse(String.join("\n", texts(result.problems())).contains("short-secret"));
    }

    @Test
    void everyBadSettingIsNamedAtOnce() throws IOException {
        BotSettings result = Settings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111,@boss",
                "LEADBOT_TELEGRAM_API_URL", "ftp://example"), dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_OWNER_CHAT_IDS has '@boss', which is not a chat id; write numbers separated by commas, e.g."
                        + " 123456789, and find yours with @userinfobot",
                "LEADBOT_TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, not 'ftp://example'"),
                texts(result.problems()));
    }

    @Test
    void aTypoInTheFileIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_idz: 1\n");

        BotSettings result = Settings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: unknown key 'owner_chat_idz' in " + file + "; did you mean 'owner_chat_ids'?"),
                texts(result.problems()));
    }

    @Test
    void settingsNeverPrintTheToken() {
        TelegramSettings settings = new TelegramSettings(TOKEN, List.of(1L), URI.create("https://api.telegram.org"), Path.of("x"));

        assertFalse(settings.toString().contains(TOKEN));
    }

    @Test
    void aPostgresqlDatabaseInTheFileIsTakenAndAWrongOneReportedAtItsLineWithoutItsPassword() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\ndb: postgresql://bot:hunter2@db.internal:5432/leads\n");
        assertEquals("postgresql://bot:***@db.internal:5432/leads (schema leadbot)", Settings.read(Map.of(), file).database().toString());

        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\ndb: postgresql://bot:hunter2@db.internal:port/leads\n");
        BotSettings result = Settings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: db: 'postgresql://bot:***@db.internal:port/leads' has port 'port'; write a number from 1 to 65535"
                + " (PostgreSQL's is 5432)"), texts(result.problems()));
    }

    @Test
    void botsOfOnePostgresqlDatabaseTakeASchemaEach() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                db: postgresql://studio:hunter2@db.internal/bots
                bots:
                  shop:
                    telegram_bot_token: ${SHOP_TOKEN}
                  cafe:
                    telegram_bot_token: ${CAFE_TOKEN}
                """);

        BotSettings.All bots = Settings.load(Map.of("SHOP_TOKEN", TOKEN, "CAFE_TOKEN", OTHER_TOKEN), Optional.of(file))
                .services();

        assertEquals(List.of(), texts(bots.problems()));
        assertEquals(List.of("postgresql://studio:***@db.internal:5432/bots (schema bot_shop)",
                "postgresql://studio:***@db.internal:5432/bots (schema bot_cafe)"),
                bots.each().stream().map(bot -> bot.database().toString()).toList());
    }

    @Test
    void aWrongValueInTheFileIsReportedAtItsLineNotBlamedOnTheVariable() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_ids: abc\nbulk_per_second: lots\n");

        BotSettings result = Settings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: owner_chat_ids has 'abc', which is not a chat id; write numbers separated by commas, e.g."
                + " 123456789, and find yours with @userinfobot",
                file + ":3:1: bulk_per_second is 'lots'; write messages a second from 1 to 1000 (Telegram allows about 30 without paid"
                        + " broadcasts; leave it unset for 30)"), texts(result.problems()));
    }

    @Test
    void theOwnersTimeZoneIsReadForQuietHoursAndAMisspeltOneIsReportedWithTheNameItMeant() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\ntime_zone: Asia/Almaty\n");
        assertEquals(java.time.ZoneId.of("Asia/Almaty"), Settings.read(Map.of(), file).telegram().orElseThrow().timeZone());

        BotSettings wrong = Settings.read(Map.of("LEADBOT_TIME_ZONE", "Europe/Moskow"), file);
        assertEquals(List.of("LEADBOT_TIME_ZONE is 'Europe/Moskow', not a time zone; did you mean 'Europe/Moscow'?"), texts(wrong.problems()));
    }

    @Test
    void aNamedSettingsFileThatDoesNotExistIsAnError() throws IOException {
        Settings loaded = Settings.load(Map.of(), java.util.Optional.of(dir.resolve("nope.yaml")));

        assertEquals(List.of("--config " + dir.resolve("nope.yaml") + ": no such file; write the path of your settings file, or leave"
                + " --config out to read leadbot.yaml from the current folder when there is one"), texts(loaded.problems()));
    }

    @Test
    void aMisspeltSinkTypeIsReportedBeforeTheSecretsItWouldNeed() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: amocmr\n    token: ${AMOCRM_TOKEN}\n");

        List<SettingsProblem> problems = new java.util.ArrayList<>();
        Settings.load(Map.of(), java.util.Optional.of(file)).sinks(problems);

        assertEquals(List.of(file + ":2:5: unknown sink type 'amocmr'; did you mean 'amocrm'? write one of amocrm, kommo, bitrix24,"
                + " retailcrm, google_sheets, webhook"), texts(problems));
    }

    @Test
    void aFieldNamingNeitherALeadFieldNorAVariableIsAnErrorWithADidYouMean() {
        SinkSettings sink = new SinkSettings("amocrm", "amo", "leadbot.yaml:2:5", Map.of(), Map.of("555001", "spehre", "555002", "phone"),
                Map.of("fields.555001", "leadbot.yaml:7:15"));

        assertEquals(List.of("leadbot.yaml:7:15: sink 'amo' (amocrm): fields: 555001 names 'spehre', which is neither a lead field nor"
                + " a variable of the flow; did you mean 'sphere'?"), SinkDeclarations.fieldProblems(List.of(sink), java.util.Set.of("sphere")).stream()
                .map(SinkProblem::toString).toList());
    }

    private static final String OTHER_TOKEN = "7654321:AAAnotherFakeTokenForLocalTestsOnly_xyz";

    @Test
    void eachBotHasItsOwnTokenAndFolderAndTakesTheRestFromTheTopLevel() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                owner_chat_ids: [1]
                flow: flows/shared.yaml
                bulk_per_second: 20
                bots:
                  shop:
                    telegram_bot_token: ${SHOP_TOKEN}
                    owner_chat_ids: [2, 3]
                    flow: flows/shop.yaml
                  cafe:
                    telegram_bot_token: ${CAFE_TOKEN}
                    db: cafe.db
                """);

        BotSettings.All bots = Settings.load(Map.of("SHOP_TOKEN", TOKEN, "CAFE_TOKEN", OTHER_TOKEN), Optional.of(file))
                .services();

        assertEquals(List.of(), texts(bots.problems()));
        BotSettings shop = bots.each().get(0);
        BotSettings cafe = bots.each().get(1);
        assertEquals(Optional.of("shop"), shop.bot());
        assertEquals(TOKEN, shop.telegram().orElseThrow().token());
        assertEquals(List.of(2L, 3L), shop.telegram().orElseThrow().ownerChatIds());
        assertEquals(Path.of("flows/shop.yaml"), shop.flow());
        assertEquals(new Database.SqliteFile(Path.of("data/shop/leadbot.db")), shop.database());
        assertEquals(Path.of("data/shop/leads.jsonl"), shop.telegram().orElseThrow().leadsFile());
        assertEquals(OTHER_TOKEN, cafe.telegram().orElseThrow().token());
        assertEquals(List.of(1L), cafe.telegram().orElseThrow().ownerChatIds());
        assertEquals(Path.of("flows/shared.yaml"), cafe.flow());
        assertEquals(new Database.SqliteFile(Path.of("cafe.db")), cafe.database());
        assertEquals(20, cafe.telegram().orElseThrow().limits().bulkPerSecond());
        // In the image the top-level files are on the volume: each bot's folder goes beside them.
        BotSettings.All onVolume = Settings.load(Map.of("SHOP_TOKEN", TOKEN, "CAFE_TOKEN", OTHER_TOKEN, "LEADBOT_DB",
                "/data/leadbot.db", "LEADBOT_LEADS_FILE", "/data/leads.jsonl"), Optional.of(file)).services();
        assertEquals(new Database.SqliteFile(Path.of("/data/shop/leadbot.db")), onVolume.each().get(0).database());
        assertEquals(Path.of("/data/shop/leads.jsonl"), onVolume.each().get(0).telegram().orElseThrow().leadsFile());
        assertEquals(new Database.SqliteFile(Path.of("cafe.db")), onVolume.each().get(1).database());
    }

    @Test
    void everyMistakeInTheBotsIsReportedAtOnceWhereItIsWritten() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                telegram_bot_token: ${SHOP_TOKEN}
                bots:
                  shop:
                    telegram_bot_token: ${SHOP_TOKEN}
                  Cafe Bar:
                    telegram_bot_token: ${CAFE_TOKEN}
                  cafe:
                    telegram_bot_token: ${SHOP_TOKEN}
                    telegram_api_url: http://127.0.0.1:1
                  cafe:
                    flow: flows/cafe.yaml
                  bar:
                    flow: flows/bar.yaml
                    leads_file: data/shop/bar-leads.jsonl
                """);

        Settings loaded = Settings.load(Map.of("SHOP_TOKEN", TOKEN), Optional.of(file));

        assertEquals(List.of(
                file + ":5:3: bot name 'Cafe Bar' cannot be used: it names the bot's folder and database, so write lower-case letters,"
                        + " digits, '-' and '_' (at most 32, starting with a letter or digit), e.g. 'cafe-bar'",
                file + ":9:5: unknown key 'telegram_api_url' in bot 'cafe'; allowed keys: telegram_bot_token, owner_chat_ids, flow,"
                        + " leads_file, db, bulk_per_second, time_zone, sinks",
                file + ":10:3: bot 'cafe' is declared twice; give each bot its own name, or keep one of them"), texts(loaded.problems()));
    }

    @Test
    void botsWhoseNamesDifferOnlyInDashAndUnderscoreAreRefusedAsTheyWouldShareAPostgresSchema() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                bots:
                  shop-a:
                    telegram_bot_token: ${SHOP_TOKEN}
                  shop_a:
                    telegram_bot_token: ${CAFE_TOKEN}
                  shop_a2:
                    telegram_bot_token: ${BAR_TOKEN}
                """);

        Settings loaded = Settings.load(Map.of("SHOP_TOKEN", TOKEN), Optional.of(file));

        assertEquals(List.of(file + ":4:3: bot 'shop_a' would share its PostgreSQL schema bot_shop_a with bot 'shop-a' (a schema name"
                + " writes '-' as '_'); give it a name that differs in more than '-' and '_', e.g. 'shop_a3'"), texts(loaded.problems()));
    }

    @Test
    void botsSharingATokenOrAFolderOrTheTopLevelTokenAreRefused() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                telegram_bot_token: ${SHOP_TOKEN}
                bots:
                  shop:
                    telegram_bot_token: ${SHOP_TOKEN}
                  cafe:
                    telegram_bot_token: ${SHOP_TOKEN}
                  bar:
                    leads_file: data/shop/bar-leads.jsonl
                """);

        BotSettings.All bots = Settings.load(Map.of("SHOP_TOKEN", TOKEN), Optional.of(file)).services();

        assertEquals(List.of(
                file + ":1:1: telegram_bot_token is set, but with 'bots:' each bot has its own; write it under each bot in " + file,
                file + ":6:5: telegram_bot_token of bot 'cafe' is the same token as bot 'shop''s; each bot needs its own token from"
                        + " @BotFather (two programs polling one token take each other's updates)",
                file + ":7:3: bot 'bar' has no telegram_bot_token; write telegram_bot_token: ${BAR_TOKEN} under it and export"
                        + " BAR_TOKEN=… with the token @BotFather gave for this bot",
                file + ":8:5: leads_file of bot 'bar' is in the folder of bot 'shop''s leads file, where each bot's heartbeat is kept;"
                        + " give each bot its own folder, or leave leads_file out for its own folder"),
                texts(bots.problems().stream().sorted(SettingsProblem.IN_FILE_ORDER).toList()));
    }

    @Test
    void aCommandAboutOneBotSaysWhichBotsThereAreWhenItCannotTell() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "bots:\n  shop:\n    db: s.db\n  cafe:\n    db: c.db\n");
        Settings loaded = Settings.load(Map.of(), Optional.of(file));
        List<SettingsProblem> problems = new java.util.ArrayList<>();

        assertTrue(loaded.bot(Optional.empty(), problems).isEmpty());
        assertEquals(new Database.SqliteFile(Path.of("c.db")), loaded.bot(Optional.of("cafe"), problems).orElseThrow().database());
        assertTrue(loaded.bot(Optional.of("shp"), problems).isEmpty());
        assertTrue(Settings.load(Map.of(), Optional.of(dir.resolve("none.yaml")), dir.resolve("none.yaml"))
                .bot(Optional.of("shop"), problems).isEmpty());

        assertEquals(List.of(file + " declares 2 bots (shop, cafe); say which with --bot NAME",
                "--bot shp: no such bot in " + file + "; did you mean 'shop'? its bots are shop, cafe",
                "--bot shop: there is no leadbot.yaml declaring bots ('bots:'), so there is one bot; leave --bot out"),
                texts(problems));
    }

    @Test
    void severalMistakesAreEachAValueAtTheLineAPersonWouldPointAt() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, """
                owner_chat_ids: abc
                db: jdbc:postgresql://db/leads
                bulk_per_second: 0
                bots:
                  shop:
                    telegram_bot_token: ${SHOP_TOKEN}
                    time_zone: Mars/Olympus
                    flw: flows/shop.yaml
                """);

        Settings loaded = Settings.load(Map.of("SHOP_TOKEN", TOKEN, "LEADBOT_TELEGRAM_API_URL", "ftp://example"), Optional.of(file));
                BotSettings.All bots = loaded.services();

        SettingsProblem.Place db = new SettingsProblem.Place(file.toString(), 2, 1);
        assertEquals(List.of(SettingsProblem.at(new SettingsProblem.Place(file.toString(), 8, 5), "unknown key 'flw' in bot 'shop'",
                "did you mean 'flow'?"), SettingsProblem.at(db, "db: 'jdbc:postgresql://db/leads' is a JDBC URL", "write the database as"
                + " postgresql://user:password@host:5432/database, or the path of an SQLite file")), loaded.problems());
        List<SettingsProblem> inOrder = bots.problems().stream().sorted(SettingsProblem.IN_FILE_ORDER).toList();
        assertEquals(List.of("LEADBOT_TELEGRAM_API_URL", "owner_chat_ids", "db", "bulk_per_second", "time_zone of bot 'shop'",
                "unknown key 'flw' in bot 'shop'"), inOrder.stream().map(p -> p.what().split("( has | is | must |:)")[0]).toList());
        assertEquals(List.of(0, 1, 2, 3, 7, 8), inOrder.stream().map(p -> p.place().map(SettingsProblem.Place::line).orElse(0)).toList());
        assertEquals(Optional.empty(), bots.each().get(0).telegram());
    }

    @Test
    void aProblemPrintsItsPlaceWhatIsWrongAndWhatToWrite() {
        SettingsProblem inFile = SettingsProblem.at(new SettingsProblem.Place("leadbot.yaml", 3, 1), "owner_chat_ids has 'abc', which is"
                + " not a chat id", "write numbers separated by commas");
        SettingsProblem inEnvironment = SettingsProblem.of("LEADBOT_TIME_ZONE is 'Mars', not a time zone", "");

        assertEquals("leadbot.yaml:3:1: owner_chat_ids has 'abc', which is not a chat id; write numbers separated by commas",
                inFile.toString());
        assertEquals("LEADBOT_TIME_ZONE is 'Mars', not a time zone", inEnvironment.toString());
        assertEquals(List.of(inEnvironment, inFile), java.util.stream.Stream.of(inFile, inEnvironment).sorted(SettingsProblem.IN_FILE_ORDER)
                .toList());
    }

    @Test
    void aProblemASinkFindsIsPlacedAtItsLineAmongTheSettingsOwnWithoutReadingItsText() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "owner_chat_ids: abc\nsinks:\n  - type: webhook\n    url: https://hooks.example.com/x\n    timeout: 5\n");
        Settings loaded = Settings.load(Map.of(), Optional.of(file));
        SinkSettings sink = loaded.sinks(new java.util.ArrayList<>()).get(0);

        SettingsProblem placed = loaded.placed(new SinkProblem(sink.placeOf("timeout"), "sink 'webhook' (webhook): unknown setting"
                + " 'timeout'; a webhook sink takes type, name, fields, url, secret"));
        SettingsProblem elsewhere = loaded.placed(new SinkProblem("other.yaml:9:9", "sink 'x' (webhook): 'url' is missing"));

        assertEquals(Optional.of(new SettingsProblem.Place(file.toString(), 5, 5)), placed.place());
        assertEquals(file + ":5:5: sink 'webhook' (webhook): unknown setting 'timeout'; a webhook sink takes type, name, fields, url,"
                + " secret", placed.toString());
        assertEquals(SettingsProblem.of("other.yaml:9:9: sink 'x' (webhook): 'url' is missing", ""), elsewhere);
        assertEquals(List.of(file + ":1:1: owner_chat_ids has 'abc', which is not a chat id; write numbers separated by commas, e.g."
                + " 123456789, and find yours with @userinfobot", placed.toString()), texts(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(placed), loaded.service().problems().stream()).sorted(SettingsProblem.IN_FILE_ORDER).toList()
                .subList(1, 3)));
    }

    /** The problems as printed. */
    private static List<String> texts(List<SettingsProblem> problems) {
        return problems.stream().map(SettingsProblem::toString).toList();
    }
}
