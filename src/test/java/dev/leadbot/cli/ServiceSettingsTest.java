package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.sink.SinkSettings;
import dev.leadbot.telegram.TelegramSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSettingsTest {

    private static final String TOKEN = "1234567:AAFakeTokenForLocalTestsOnly_abcdefghij";

    @TempDir
    Path dir;

    @Test
    void theEnvironmentAloneIsEnough() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111, 222",
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

        ServiceSettings.Result result = ServiceSettings.read(Map.of("LEADBOT_FLOW", "flows/env.yaml"), file);

        assertEquals(List.of(1L, 2L), result.telegram().orElseThrow().ownerChatIds());
        assertEquals(Path.of("flows/env.yaml"), result.flow());
    }

    @Test
    void theBulkRateDefaultsToTelegramsBulkFigureAndCanBeRaisedForPaidBroadcasts() throws IOException {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN);

        assertEquals(30, ServiceSettings.read(env, dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
        assertEquals(300, ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "300"),
                dir.resolve("none.yaml")).telegram().orElseThrow().limits().bulkPerSecond());
    }

    @Test
    void aBulkRateOutOfRangeSaysWhatToWrite() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_BULK_PER_SECOND", "fast"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_BULK_PER_SECOND is 'fast'; write messages a second from 1 to 1000 (Telegram allows about 30"
                + " without paid broadcasts; leave it unset for 30)"), result.problems());
    }

    @Test
    void theOldOverallSendRateIsRefusedWithWhatReplacedIt() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_SEND_PER_SECOND", "25"),
                dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_SEND_PER_SECOND is no longer read: replies to prospects are not capped overall any more (Telegram"
                + " limits each chat, not the bot); remove it, and set LEADBOT_BULK_PER_SECOND instead if you meant the cap on messages"
                + " the bot starts itself (owner summaries, alerts; default 30)"), result.problems());
    }

    @Test
    void sinksAreReadWithTheirSecretsFromTheEnvironmentAndTheirFieldMapping() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: amocrm\n    base_url: https://x.amocrm.ru\n    token: ${AMO}\n    fields:\n"
                + "      555001: sphere\n  - type: google_sheets\n    name: sheet\n    columns: [lead_id, name]\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "AMO", "secret-amo-token"), file);

        assertEquals(List.of(), result.problems());
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
        ServiceSettings.Result result = ServiceSettings.read(Map.of(), dir.resolve("none.yaml"));

        assertEquals(List.of("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), then set"
                + " TELEGRAM_BOT_TOKEN (or telegram_bot_token: in leadbot.yaml) to the token it gives you"), result.problems());
    }

    @Test
    void aMalformedTokenIsRefusedWithoutEchoingIt() throws IOException {
        String secret = "12345:short-secret-value";
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", secret), dir.resolve("none.yaml"));

        assertFalse(result.telegram().isPresent());
        assertTrue(result.problems().get(0).startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token"), result.problems().toString());
        assertFalse(String.join("\n", result.problems()).contains("short-secret"));
    }

    @Test
    void everyBadSettingIsNamedAtOnce() throws IOException {
        ServiceSettings.Result result = ServiceSettings.read(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "LEADBOT_OWNER_CHAT_IDS", "111,@boss",
                "LEADBOT_TELEGRAM_API_URL", "ftp://example"), dir.resolve("none.yaml"));

        assertEquals(List.of("LEADBOT_OWNER_CHAT_IDS has '@boss', which is not a chat id; write numbers separated by commas, e.g."
                        + " 123456789, and find yours with @userinfobot",
                "LEADBOT_TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, not 'ftp://example'"),
                result.problems());
    }

    @Test
    void aTypoInTheFileIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_idz: 1\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: unknown key 'owner_chat_idz' in " + file + "; did you mean 'owner_chat_ids'?"),
                result.problems());
    }

    @Test
    void settingsNeverPrintTheToken() {
        TelegramSettings settings = new TelegramSettings(TOKEN, List.of(1L), URI.create("https://api.telegram.org"), Path.of("x"));

        assertFalse(settings.toString().contains(TOKEN));
    }

    @Test
    void aWrongValueInTheFileIsReportedAtItsLineNotBlamedOnTheVariable() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "telegram_bot_token: " + TOKEN + "\nowner_chat_ids: abc\nbulk_per_second: lots\n");

        ServiceSettings.Result result = ServiceSettings.read(Map.of(), file);

        assertEquals(List.of(file + ":2:1: owner_chat_ids has 'abc', which is not a chat id; write numbers separated by commas, e.g."
                + " 123456789, and find yours with @userinfobot",
                file + ":3:1: bulk_per_second is 'lots'; write messages a second from 1 to 1000 (Telegram allows about 30 without paid"
                        + " broadcasts; leave it unset for 30)"), result.problems());
    }

    @Test
    void aNamedSettingsFileThatDoesNotExistIsAnError() throws IOException {
        ServiceSettings.Loaded loaded = ServiceSettings.load(Map.of(), java.util.Optional.of(dir.resolve("nope.yaml")));

        assertEquals(List.of("--config " + dir.resolve("nope.yaml") + ": no such file; write the path of your settings file, or leave"
                + " --config out to read leadbot.yaml from the current folder when there is one"), loaded.problems());
    }

    @Test
    void eachSinkProblemIsReportedAtTheLineThatHoldsIt() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: webhook\n    url: https://hooks.example.com/x\n    secret: not-a-whsec\n"
                + "    timeout: 5\n");

        List<String> problems = new java.util.ArrayList<>();
        List<dev.leadbot.sink.LeadSink> sinks = SinksCommand.create(ServiceSettings.load(Map.of(), java.util.Optional.of(file)).sinks(problems),
                dev.leadbot.sink.http.HttpSetup.standard(), new Console(null, null, null, java.time.Clock.systemUTC(), Map.of()), problems);

        assertEquals(List.of(), sinks);
        assertEquals(List.of(file + ":4:5: sink 'webhook' (webhook): 'secret' must be whsec_ followed by base64 (at least 24 bytes), as"
                + " Standard Webhooks tools generate it",
                file + ":5:5: sink 'webhook' (webhook): unknown setting 'timeout'; a webhook sink takes type, name, fields, url, secret"),
                problems);
    }

    @Test
    void aMisspeltSinkTypeIsReportedBeforeTheSecretsItWouldNeed() throws IOException {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: amocmr\n    token: ${AMOCRM_TOKEN}\n");

        List<String> problems = new java.util.ArrayList<>();
        ServiceSettings.load(Map.of(), java.util.Optional.of(file)).sinks(problems);

        assertEquals(List.of(file + ":2:5: unknown sink type 'amocmr'; did you mean 'amocrm'? write one of amocrm, kommo, bitrix24,"
                + " retailcrm, google_sheets, webhook"), problems);
    }

    @Test
    void aFieldNamingNeitherALeadFieldNorAVariableIsAnErrorWithADidYouMean() {
        SinkSettings sink = new SinkSettings("amocrm", "amo", "leadbot.yaml:2:5", Map.of(), Map.of("555001", "spehre", "555002", "phone"),
                Map.of("fields.555001", "leadbot.yaml:7:15"));

        assertEquals(List.of("leadbot.yaml:7:15: sink 'amo' (amocrm): fields: 555001 names 'spehre', which is neither a lead field nor"
                + " a variable of the flow; did you mean 'sphere'?"), ServiceSettings.fieldProblems(List.of(sink), java.util.Set.of("sphere")));
    }
}
