package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The flow file watcher, end to end: a change on disk is run at once and reported once to every owner (/reload itself: FlowReloadsTest). */
class FlowReloadInTelegramTest {

    private static final long SECOND_OWNER = 1001;

    @TempDir
    Path dir;

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
