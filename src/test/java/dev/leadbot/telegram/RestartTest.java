package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.flow.FlowLoader;
import dev.leadbot.telegram.fake.BotMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: every conversation, where it was, with its answers; and nothing happens twice. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void afterARestartAChatContinuesAtItsQuestionAndButtonsShownBeforeStillWork() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot, bot.api.user(80, "Klient"));
            List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
            Lockstep.walk(List.of(chat), steps.subList(0, 4));
            BotMessage consent = BotHarness.last(chat.messages());

            bot.restart();

            chat.user.press(consent, "Продолжить");
            chat.expect("Как к вам обращаться?");
            Lockstep.walk(List.of(chat), steps.subList(5, steps.size()));
            String summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0).text();
            assertTrue(summary.contains("• sphere: 🏢 B2B-компания"), summary);
            assertTrue(summary.contains("📍 Источник: load"), summary);
        }
    }

    @Test
    void updatesRedeliveredAfterARestartChangeNothing() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot, bot.api.user(81, "Klient"));
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM);
            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            int sent = bot.api.botMessageCount();

            bot.restart();
            bot.api.redeliverEverything();
            bot.api.awaitAllUpdatesConfirmed();
            ProspectChat other = new ProspectChat(bot, bot.api.user(82, "Klient"));
            other.send("/start", QualificationInTelegramTest.ROLE);

            assertEquals(sent + 2, bot.api.botMessageCount());
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).size());
        }
    }

    @Test
    void afterTheFlowIsEditedAChatWhoseQuestionIsGoneStartsOverWhileTheOthersContinue() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat atPain = new ProspectChat(bot, bot.api.user(83, "Klient"));
            ProspectChat atSphere = new ProspectChat(bot, bot.api.user(84, "Klient"));
            Lockstep.walk(List.of(atPain), Lockstep.OWNER_VIA_TELEGRAM.subList(0, 3));
            Lockstep.walk(List.of(atSphere), Lockstep.OWNER_VIA_TELEGRAM.subList(0, 2));

            String yaml = Files.readString(Path.of("flows/qualification.yaml"));
            String edited = yaml.replace("  pain_b2b:\n", "  pain_b2b_v2:\n").replace("goto: pain_b2b\n", "goto: pain_b2b_v2\n");
            bot.restart(FlowLoader.parse("qualification.yaml", edited));

            atPain.send("привет", "Мы обновили вопросы, поэтому начнём сначала.");
            atPain.expect(QualificationInTelegramTest.ROLE);
            atSphere.press("B2B-компания", "Что для вас сейчас важнее всего?");
        }
    }
}
