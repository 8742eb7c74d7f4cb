package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.FlowLoader;
import dev.leadbot.flow.InvalidFlowException;
import dev.leadbot.flow.Problem;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /reload and the flow file watcher: a broken file is reported line by line and changes nothing; a good one is run at once. */
class FlowReloadInTelegramTest {

    private static final long SECOND_OWNER = 1001;

    @TempDir
    Path dir;

    @Test
    void aBrokenFileIsReportedAtItsLinesAndTheRunningFlowStays() throws Exception {
        Path file = copyOfTheCustomersFlow();
        try (BotHarness bot = new BotHarness(dir, file, List.of(BotHarness.OWNER))) {
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            prospect.send("/start", QualificationInTelegramTest.ROLE);
            prospect.press("Я владелец бизнеса", "В какой сфере");

            Files.writeString(file, Files.readString(file).replace("start: greeting", "start: greting")
                    .replace("next: sphere", "next: spere"));
            List<Problem> problems = assertThrows(InvalidFlowException.class, () -> FlowLoader.load(file)).problems();
            assertEquals(2, problems.size(), problems.toString());
            owner(bot).send("/reload");

            BotMessage report = reply(bot, BotHarness.OWNER, m -> m.text().startsWith("flow not loaded"));
            assertTrue(report.text().startsWith("flow not loaded, the running flow stays: 2 problems in " + file + "\n"), report.text());
            for (Problem problem : problems) {
                assertTrue(report.text().contains(problem.toString()), problem + " in " + report.text());
            }
            assertTrue(report.text().contains(file + ":12:8: "), report.text());
            prospect.press("B2B-компания", "Что для вас сейчас важнее всего?");
        }
    }

    @Test
    void aGoodFileIsRunAtOnceAChatWhoseQuestionIsGoneStartsOverAndTheOthersContinue() throws Exception {
        Path file = copyOfTheCustomersFlow();
        try (BotHarness bot = new BotHarness(dir, file, List.of(BotHarness.OWNER))) {
            ProspectChat stranded = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            stranded.send("/start", QualificationInTelegramTest.ROLE);
            stranded.press("Я владелец бизнеса", "В какой сфере");
            ProspectChat continuing = new ProspectChat(bot.api, bot.api.user(43, "Boris"));
            continuing.send("/start", QualificationInTelegramTest.ROLE);

            // The sphere question gets a new id (and a new wording): a chat waiting at it has lost its question.
            Files.writeString(file, Files.readString(file).replaceAll("\\bsphere\\b", "industry")
                    .replace("В какой сфере", "В какой отрасли"));
            int nodes = Flows.load(file).nodes().size();
            owner(bot).send("/reload");

            BotMessage report = reply(bot, BotHarness.OWNER, m -> m.text().startsWith("flow loaded"));
            assertEquals("flow loaded: " + nodes + " nodes; 1 open conversation restarted", report.text());
            String press = stranded.tap("B2B-компания");
            stranded.expect(QualificationInTelegramTest.ROLE);
            bot.api.awaitState(() -> bot.api.callbackAnswered(press));
            assertEquals(java.util.Optional.of("Мы обновили вопросы, поэтому начнём сначала."), bot.api.callbackAnswer(press));
            continuing.press("Я владелец бизнеса", "В какой отрасли");
        }
    }

    @Test
    void aChangeOnDiskIsLoadedAndReportedOnceToEveryOwner() throws Exception {
        Path file = copyOfTheCustomersFlow();
        try (BotHarness bot = new BotHarness(dir, file, List.of(BotHarness.OWNER, SECOND_OWNER))) {
            String edited = Files.readString(file).replace("В какой сфере", "В какой отрасли");
            Files.writeString(file, edited);
            Files.writeString(file, edited); // an editor saving twice
            int nodes = Flows.load(file).nodes().size();

            String expected = "✏️ flow.yaml changed on disk. flow loaded: " + nodes + " nodes; 0 open conversations restarted";
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                assertEquals(expected, reply(bot, owner, m -> m.text().startsWith("✏️")).text());
            }
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            prospect.send("/start", QualificationInTelegramTest.ROLE);
            prospect.press("Я владелец бизнеса", "В какой отрасли");
            owner(bot).send("/help");
            reply(bot, BotHarness.OWNER, m -> m.text().startsWith("Команды владельца"));
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                assertEquals(1, bot.api.botMessages(owner).stream().filter(m -> m.text().startsWith("✏️")).count());
            }
        }
    }

    private Path copyOfTheCustomersFlow() throws Exception {
        Path file = dir.resolve("flow.yaml");
        Files.copy(Flows.QUALIFICATION, file);
        Files.copy(Flows.QUALIFICATION.resolveSibling("flow.schema.json"), dir.resolve("flow.schema.json"));
        return file;
    }

    private static FakeUser owner(BotHarness bot) {
        return bot.api.user(BotHarness.OWNER, "Owner");
    }

    private static BotMessage reply(BotHarness bot, long chat, Predicate<BotMessage> test) {
        return bot.api.await(chat, all -> all.stream().anyMatch(test)).stream().filter(test).findFirst().orElseThrow();
    }
}
