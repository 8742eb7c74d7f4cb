package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.ConversationEngine;
import dev.leadbot.engine.Input;
import dev.leadbot.engine.Transition;
import dev.leadbot.flow.FlowLoader;
import dev.leadbot.lead.Prospect;
import dev.leadbot.store.Batch;
import dev.leadbot.telegram.TelegramRendering;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: every conversation, where it was, with its answers; and nothing happens twice. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void afterARestartAChatContinuesAtItsQuestionAndButtonsShownBeforeStillWork() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(80, "Klient"));
            List<Lockstep.Step> steps = Lockstep.OWNER_VIA_TELEGRAM;
            Lockstep.walk(List.of(chat), steps.subList(0, 4));
            BotMessage consent = BotHarness.last(chat.messages());

            bot.restart();

            chat.user.press(consent, "Продолжить");
            chat.expect("Как к вам обращаться?");
            Lockstep.walk(List.of(chat), steps.subList(5, steps.size()));
            String summary = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид")).get(0).text();
            assertTrue(summary.contains("• Сфера бизнеса: 🏢 B2B-компания"), summary);
            assertTrue(summary.contains("📍 Источник: load"), summary);
        }
    }

    @Test
    void updatesRedeliveredAfterARestartChangeNothing() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(81, "Klient"));
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM);
            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Новый лид"));
            int sent = bot.api.botMessageCount();

            bot.restart();
            bot.api.redeliverEverything();
            bot.api.awaitAllUpdatesConfirmed();
            ProspectChat other = new ProspectChat(bot.api, bot.api.user(82, "Klient"));
            other.send("/start", QualificationInTelegramTest.ROLE);

            assertEquals(sent + 1, bot.api.botMessageCount(), "only the newcomer's greeting and first question");
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).size());
        }
    }

    @Test
    void afterTheFlowIsEditedAChatWhoseQuestionIsGoneStartsOverWhileTheOthersContinue() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat atPain = new ProspectChat(bot.api, bot.api.user(83, "Klient"));
            ProspectChat atSphere = new ProspectChat(bot.api, bot.api.user(84, "Klient"));
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

    @Test
    void repliesCommittedByARunThatDiedBeforeSendingThemGoOutAtTheNextStart() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(85, "Klient"));
            Lockstep.walk(List.of(chat), Lockstep.OWNER_VIA_TELEGRAM.subList(0, 5));
            Prospect prospect = new Prospect(85, 85, Optional.empty(), "Klient", Optional.empty(), "ru");

            bot.restart((store, flow) -> {
                // The name was typed and committed with its reply; the process died before the reply left.
                Transition typed = new ConversationEngine(flow).handle(store.conversations().conversation(85), prospect, new Input.Typed("Клиент"),
                        Instant.now());
                Batch batch = new Batch();
                batch.put(85, typed.state());
                batch.send(85, TelegramRendering.replies(85, typed.outputs()));
                store.commit(flow.id(), batch);
            });

            chat.expect("Как вам удобнее связаться?");
            chat.press("Напишите мне в Telegram", "Когда вам удобно");
            bot.restart();

            assertEquals(List.of(), bot.store.replies().unsent());
            assertEquals(1, chat.messages().stream().filter(m -> m.text().contains("Как вам удобнее связаться?")).count());
        }
    }
}
