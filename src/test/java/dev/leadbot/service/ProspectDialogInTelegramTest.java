package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.console.ProspectDialog;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.Batch;
import dev.leadbot.store.DialogChange;
import dev.leadbot.store.Store;
import dev.leadbot.telegram.TelegramRendering;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manager talks to a prospect from the owner chats, end to end through the fake Bot API; only owners can. */
class ProspectDialogInTelegramTest {

    private static final long SECOND_OWNER = 1001;
    /** The prospect {@link OwnerConsoleInTelegramTest#finish} walks through the flow first. */
    private static final long PROSPECT = 500;

    @TempDir
    Path dir;

    @Test
    void aManagersReplyReachesTheProspectAndTheAnswerReachesBothOwnerChatsAcrossACrash() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            String shortId = lead.id().substring(0, 8);
            FakeUser ivan = bot.api.user(BotHarness.OWNER, "Иван <b>").lastName("Петров");
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.expect("Спасибо");

            ivan.reply(summary(bot, BotHarness.OWNER), "Здравствуйте! Когда удобно созвониться?");

            BotMessage words = prospect.expect("Здравствуйте!");
            assertEquals("Иван <b>, менеджер:\nЗдравствуйте! Когда удобно созвониться?", words.text());
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                BotMessage opened = bot.awaitFirst(owner, m -> m.text().startsWith("💬 Иван <b> Петров пишет клиенту Анна"));
                assertEquals("💬 Иван <b> Петров пишет клиенту Анна (лид " + shortId + "). Ответы клиента придут сюда, опрос ждёт.",
                        opened.text());
                assertEquals(List.of("✖ Завершить"), opened.buttons());
            }

            prospect.user.send("Завтра после 15:00");
            String copy = "💬 Tg501 (лид " + shortId + "):\nЗавтра после 15:00";
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                assertEquals(List.of("✖ Завершить"), bot.awaitFirst(owner, m -> m.text().equals(copy)).buttons());
            }

            // Stopped the way a crash leaves it: the prospect's sticker arrives while the bot is down, unconfirmed.
            bot.restart((store, flow) -> prospect.user.sendSticker());

            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                bot.awaitFirst(owner, m -> m.text().equals("💬 Tg501 (лид " + shortId + "):\n[вложение]"));
                bot.awaitFirst(owner, m -> m.text().equals("[sticker]"));
            }
            // The owner chat still writes to the prospect after the restart: no reply needed any more.
            ivan.send("Отлично, до завтра!");
            assertEquals("Иван <b>, менеджер:\nОтлично, до завтра!", prospect.expect("до завтра").text());
            assertEquals(1, prospect.messages().stream().filter(m -> m.text().contains("Спасибо")).count(), "the flow said nothing more");

            assertEquals(List.of(
                    "OPENED Иван <b> Петров ",
                    "TO_PROSPECT Иван <b> Петров Здравствуйте! Когда удобно созвониться?",
                    "FROM_PROSPECT Tg501 Завтра после 15:00",
                    "FROM_PROSPECT Tg501 [вложение]",
                    "TO_PROSPECT Иван <b> Петров Отлично, до завтра!"), lines(bot.store, lead.id()));
        }
    }

    @Test
    void aCopyCommittedByARunThatDiedBeforeSendingItGoesOutOnceAtTheNextStart() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.user.sendSticker();
            prospect.expect("");
            int sticker = bot.api.messages(PROSPECT).stream().filter(m -> !m.fromBot()).findFirst().orElseThrow().id();

            bot.restart((store, flow) -> {
                Batch batch = new Batch();
                batch.send(BotHarness.OWNER, List.of(TelegramRendering.copy(BotHarness.OWNER, PROSPECT, sticker)));
                store.commit(flow.id(), batch);
            });

            bot.awaitFirst(BotHarness.OWNER, m -> m.text().equals("[sticker]"));
            bot.restart();
            assertEquals(List.of(), bot.store.replies().unsent());
            assertEquals(1, bot.api.botMessages(BotHarness.OWNER).stream().filter(m -> m.text().equals("[sticker]")).count());
        }
    }

    @Test
    void closingTheConversationReturnsTheProspectToTheFlow() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            FakeUser olga = bot.api.user(SECOND_OWNER, "Ольга");
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.expect("Спасибо");
            BotMessage summary = summary(bot, SECOND_OWNER);
            assertEquals(List.of("🙋 Беру", "💬 Написать"), summary.buttons());

            String pressed = olga.press(summary, "Написать");
            bot.awaitFirst(SECOND_OWNER, m -> m.text().startsWith("✍️ Пишите: ваши сообщения уйдут клиенту Анна"));
            bot.api.awaitState(() -> bot.api.callbackAnswered(pressed));
            olga.send("Добрый день!");
            assertEquals("Ольга, менеджер:\nДобрый день!", prospect.expect("Добрый день").text());
            prospect.user.send("Здравствуйте");
            bot.awaitFirst(BotHarness.OWNER, m -> m.text().endsWith(":\nЗдравствуйте"));

            olga.send("/close");
            String closed = "Разговор с клиентом Анна завершён (Ольга). Его новые сообщения снова идут в опрос.";
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                bot.awaitFirst(owner, m -> m.text().equals(closed));
            }
            int ownersSaw = bot.api.botMessages(BotHarness.OWNER).size();
            int prospectSaw = prospect.messages().size();
            prospect.user.send("/start");
            prospect.expect(QualificationInTelegramTest.ROLE);
            int olgaSaw = bot.api.botMessages(SECOND_OWNER).size();
            olga.send("Вы тут?");
            bot.api.await(SECOND_OWNER, all -> all.size() > olgaSaw);
            assertEquals(ownersSaw, bot.api.botMessages(BotHarness.OWNER).size(), "nothing of the prospect's copied any more");
            assertTrue(prospect.messages().subList(prospectSaw, prospect.messages().size()).stream()
                    .noneMatch(m -> m.text().contains("Вы тут")), "the manager's words no longer reach the prospect");
            assertEquals(List.of(), bot.store.dialogs().open());
            assertEquals(DialogChange.Kind.CLOSED, last(bot.store.dialogs().lines(lead.id())).kind());
        }
    }

    @Test
    void theProspectsCommandsAreNoWordsForTheManagersStartGetsANoteAndForgetEndsTheConversation() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.expect("Спасибо");
            bot.api.user(BotHarness.OWNER, "Иван").reply(summary(bot, BotHarness.OWNER), "Добрый день!");
            prospect.expect("Добрый день");
            bot.awaitFirst(SECOND_OWNER, m -> m.text().startsWith("💬 Иван пишет клиенту Анна"));
            int ownersSaw = bot.api.botMessages(SECOND_OWNER).size();

            for (String command : List.of("/start", "/back", "/help")) {
                assertEquals(ProspectDialog.MANAGER_ON_LINE, prospect.send(command, "Сейчас с вами на связи менеджер").text());
            }
            prospect.user.send("/forget");
            prospect.expect("Удалить все ваши ответы и контакты из бота?");
            String closed = "Разговор с клиентом Анна завершён: клиент попросил удалить свои данные (/forget).";
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                bot.awaitFirst(owner, m -> m.text().equals(closed));
            }
            assertEquals(List.of(closed), bot.api.botMessages(SECOND_OWNER).subList(ownersSaw, bot.api.botMessages(SECOND_OWNER).size())
                    .stream().map(BotMessage::text).toList(), "no command was copied to the owners");
            assertEquals(List.of(), bot.store.dialogs().open());
            assertEquals(List.of("OPENED Иван ", "TO_PROSPECT Иван Добрый день!", "CLOSED клиент /forget"), lines(bot.store, lead.id()));
        }
    }

    @Test
    void theCloseButtonUnderACopyEndsTheConversationForEveryOwner() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            FakeUser ivan = bot.api.user(BotHarness.OWNER, "Иван");
            FakeUser olga = bot.api.user(SECOND_OWNER, "Ольга");
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            ivan.reply(summary(bot, BotHarness.OWNER), "Добрый день!");
            prospect.expect("Добрый день");
            prospect.user.send("Привет");
            BotMessage copy = bot.awaitFirst(SECOND_OWNER, m -> m.text().endsWith(":\nПривет"));

            String pressed = olga.press(copy, "Завершить");
            bot.api.awaitState(() -> bot.api.callbackAnswered(pressed));
            bot.awaitFirst(BotHarness.OWNER, m -> m.text().equals("Разговор с клиентом Анна завершён (Ольга). Его новые сообщения снова идут в опрос."));
            assertEquals(List.of(), bot.store.dialogs().open());
            ivan.send("/close");
            bot.awaitFirst(BotHarness.OWNER, m -> m.text().startsWith("Открытого разговора с клиентом нет."));
            assertEquals(DialogChange.Kind.CLOSED, last(bot.store.dialogs().lines(lead.id())).kind());
        }
    }

    @Test
    void aStrangerReplyingOrPressingForgedConversationButtonsChangesNothingAndLearnsNothing() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.expect("Спасибо");
            ProspectChat stranger = new ProspectChat(bot.api, bot.api.user(666, "Mallory"));
            stranger.send("/start", QualificationInTelegramTest.ROLE);
            BotMessage summary = summary(bot, BotHarness.OWNER);
            int ownersSaw = bot.api.botMessages(BotHarness.OWNER).size();
            int prospectSaw = prospect.messages().size();

            for (String action : List.of("m", "e")) {
                String query = stranger.user.pressData(summary.id(), "o:" + action + ":" + lead.id());
                bot.api.awaitState(() -> bot.api.callbackAnswered(query));
                stranger.expect("Я понимаю команды /start");
            }
            stranger.user.reply(summary, "Привет, клиент!");
            stranger.expect("Не совсем понял ответ");

            assertEquals(List.of(), bot.store.dialogs().open());
            assertEquals(List.of(), bot.store.dialogs().lines(lead.id()));
            assertEquals(ownersSaw, bot.api.botMessages(BotHarness.OWNER).size());
            assertEquals(prospectSaw, prospect.messages().size());

            // With a conversation open, a forged "Завершить" from a stranger does not end it.
            bot.api.user(BotHarness.OWNER, "Иван").reply(summary, "Добрый день!");
            prospect.expect("Добрый день");
            String query = stranger.user.pressData(summary.id(), "o:e:" + lead.id());
            bot.api.awaitState(() -> bot.api.callbackAnswered(query));
            stranger.expect("Я понимаю команды /start");
            assertEquals(1, bot.store.dialogs().open().size());
        }
    }

    private static List<String> lines(Store store, String leadId) throws Exception {
        return store.dialogs().lines(leadId).stream().map(l -> l.kind() + " " + l.who() + " " + l.text()).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static BotMessage summary(BotHarness bot, long owner) {
        return bot.awaitFirst(owner, m -> m.text().contains("Новый лид"));
    }
}
