package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leadbot.config.Settings;
import dev.leadbot.config.SettingsProblem;
import dev.leadbot.sink.amocrm.FakeAmoCrm;
import dev.leadbot.sink.fake.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksCommandTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeAmoCrm amo = new FakeAmoCrm(time::now);

    @TempDir
    Path dir;

    SinksCommandTest() throws Exception {
    }

    @AfterEach
    void stop() {
        amo.close();
    }

    private Run check(String yaml, Map<String, String> env) throws Exception {
        return leadbot(yaml, env, "sinks", "check");
    }

    private Run leadbot(String yaml, Map<String, String> env, String... command) throws Exception {
        Path config = dir.resolve("leadbot.yaml");
        Files.writeString(config, yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--config", config.toString()))
                .toArray(String[]::new);
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err, Run.CLOCK, env, time.setup(Duration.ofSeconds(2)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String amoSink() {
        return "sinks:\n  - type: amocrm\n    name: amo\n    base_url: " + amo.server.url("") + "\n    token: ${AMOCRM_TOKEN}\n";
    }

    @Test
    void aWrongTokenIsReportedWithWhatToDoAndWithoutTheToken() throws Exception {
        Run run = check(amoSink(), Map.of("AMOCRM_TOKEN", "stale-token-value-123"));

        assertEquals(new Run(1, "FAILED  amo: amoCRM refused the token (401 Unauthorized): make a new long-lived token (Settings →"
                + " Integrations → your integration → Keys and access) and put it in the sink's token, then run leadbot leads --retry all\n", ""),
                run);
        assertFalse(run.out().contains("stale-token"));
    }

    @Test
    void workingCredentialsPassNamingTheAccount() throws Exception {
        Run run = check(amoSink(), Map.of("AMOCRM_TOKEN", FakeAmoCrm.TOKEN));

        assertEquals(new Run(0, "ok      amo: amoCRM account 'Кофейни Анны' (id 30000001) reached; the token works\n", ""), run);
    }

    @Test
    void everySettingsProblemIsReportedAtOnceWithItsPlace() throws Exception {
        Run run = check("sinks:\n  - type: amocrm\n    token: ${AMOCRM_TOKEN}\n  - type: webhook\n    url: https://hooks.example.com/x\n"
                + "    secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n    retries: 3\n  - type: hubspot\n", Map.of());
        String file = dir.resolve("leadbot.yaml").toString();

        assertEquals(2, run.status());
        assertEquals(file + ":3:5: sink 'amocrm' token: ${AMOCRM_TOKEN} is not set in the environment; export AMOCRM_TOKEN=… before"
                + " starting leadbot\n"
                + file + ":7:5: sink 'webhook' (webhook): unknown setting 'retries'; a webhook sink takes type, name, fields, url, secret\n"
                + file + ":8:5: unknown sink type 'hubspot'; write one of amocrm, kommo, bitrix24, retailcrm, google_sheets, webhook\n", run.err());
    }

    @Test
    void theBotRefusesToStartWithASinkMistakeBeforeAnyProspectMeetsIt() throws Exception {
        Run run = leadbot("sinks:\n  - type: webhook\n    url: https://hooks.example.com/x\n    secret: not-a-whsec\n",
                Map.of("TELEGRAM_BOT_TOKEN", "1234567:AAFakeTokenForLocalTestsOnly_abcdefghij"), "run");

        assertEquals(new Run(2, "", dir.resolve("leadbot.yaml") + ":4:5: sink 'webhook' (webhook): 'secret' must be whsec_ followed by"
                + " base64 (at least 24 bytes), as Standard Webhooks tools generate it\n"), run);
    }

    @Test
    void aSinkSharedByEveryBotIsCheckedOnceWithoutBot() throws Exception {
        String yaml = amoSink() + "bots:\n  shop:\n    telegram_bot_token: ${SHOP_TOKEN}\n  cafe:\n    telegram_bot_token: ${CAFE_TOKEN}\n";

        Run run = check(yaml, Map.of("AMOCRM_TOKEN", FakeAmoCrm.TOKEN, "SHOP_TOKEN", "1234568:AAshopTokenForTheSinksCheckTest_abcdef",
                "CAFE_TOKEN", "1234569:AAcafeTokenForTheSinksCheckTest_abcdefg"));

        assertEquals(new Run(0, "ok      bot 'shop': amo: amoCRM account 'Кофейни Анны' (id 30000001) reached; the token works\n"
                + "ok      bot 'cafe': amo: shared, checked above\n", ""), run);
    }

    @Test
    void noSinksIsFine() throws Exception {
        assertEquals(new Run(0, "no sinks in " + dir.resolve("leadbot.yaml") + ": leads go to the owner chats and the leads file only\n", ""),
                check("owner_chat_ids: [1]\n", Map.of()));
    }

    @Test
    void eachSinkProblemIsReportedAtTheLineThatHoldsIt() throws Exception {
        Path file = dir.resolve("leadbot.yaml");
        Files.writeString(file, "sinks:\n  - type: webhook\n    url: https://hooks.example.com/x\n    secret: not-a-whsec\n"
                + "    timeout: 5\n");

        List<SettingsProblem> wrong = new java.util.ArrayList<>();
        List<dev.leadbot.sink.SinkProblem> problems = new java.util.ArrayList<>();
        List<dev.leadbot.sink.LeadSink> sinks = SinksCommand.create(Settings.load(Map.of(), java.util.Optional.of(file)).sinks(wrong),
                dev.leadbot.sink.http.HttpSetup.standard(), new Console(null, null, null, java.time.Clock.systemUTC(), Map.of()), problems);

        assertEquals(List.of(), wrong);
        assertEquals(List.of(), sinks);
        assertEquals(List.of(file + ":4:5: sink 'webhook' (webhook): 'secret' must be whsec_ followed by base64 (at least 24 bytes), as"
                + " Standard Webhooks tools generate it",
                file + ":5:5: sink 'webhook' (webhook): unknown setting 'timeout'; a webhook sink takes type, name, fields, url, secret"),
                problems.stream().map(dev.leadbot.sink.SinkProblem::toString).toList());
    }
}
