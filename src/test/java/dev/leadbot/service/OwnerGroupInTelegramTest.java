package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.console.OwnerConsole;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An owner chat that is a group of managers, end to end through the fake Bot API: the gate is the group's chat id, the
 * manager is whoever in it presses or writes, and the same person's private chat with the bot is a stranger's.
 */
class OwnerGroupInTelegramTest {

    private static final long GROUP = -1001234567890L;
    private static final long IVAN = 7001;
    private static final long PROSPECT = 500;

    @TempDir
    Path dir;

    @Test
    void managersInAGroupUseCommandsButtonsAndRepliesAsTheirOwnNameAndTheirChatterStaysInTheGroup() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, GROUP))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            ProspectChat prospect = new ProspectChat(bot.api, bot.api.user(PROSPECT, "Tg501"));
            prospect.expect("Спасибо");
            FakeUser ivan = bot.api.user(IVAN, "Иван").lastName("Петров").inGroup(GROUP);
            FakeUser olga = bot.api.user(7002, "Ольга").inGroup(GROUP);
            BotMessage summary = bot.awaitFirst(GROUP, m -> m.text().contains("Новый лид"));
            assertEquals(List.of("🙋 Беру", "💬 Написать"), summary.buttons());

            int groupSaw = bot.api.botMessages(GROUP).size();
            ivan.send("/leads@test_lead_bot");
            BotMessage list = bot.api.await(GROUP, all -> all.size() > groupSaw).get(groupSaw);
            assertTrue(list.text().startsWith("Последние лиды:\n1. Анна · "), list.text());

            String take = ivan.press(summary, "Беру");
            bot.api.awaitState(() -> bot.api.callbackAnswered(take));
            assertEquals(Optional.of("Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид»."), bot.api.callbackAnswer(take));
            String late = olga.press(summary, "Беру");
            bot.api.awaitState(() -> bot.api.callbackAnswered(late));
            assertTrue(bot.api.callbackAnswer(late).orElseThrow().startsWith("Уже взял(а) Иван Петров в "), bot.api.callbackAnswer(late).toString());
            assertEquals("Иван Петров", bot.store.leads().handling(List.of(lead.id())).get(lead.id()).manager().orElseThrow());
            for (long owner : List.of(BotHarness.OWNER, GROUP)) {
                bot.awaitFirst(owner, m -> m.text().contains("Новый лид") && m.text().contains("🙋 Взял(а): Иван Петров · "));
            }

            String broken = olga.pressData(summary.id(), "o:z:" + lead.id());
            bot.api.awaitState(() -> bot.api.callbackAnswered(broken));
            assertEquals(Optional.of(OwnerConsole.BROKEN_BUTTON), bot.api.callbackAnswer(broken));

            // In the group a reply to a summary is the managers' own talk; "💬 Написать" gives the prompt to reply to.
            ivan.reply(summary, "Коллеги, эту клиентку беру я");
            ivan.press(summary, "Написать");
            BotMessage prompt = bot.awaitFirst(GROUP, m -> m.text().startsWith("✍️ Отвечайте (Reply) на это сообщение"));
            assertEquals("✍️ Отвечайте (Reply) на это сообщение: ответ уйдёт клиенту Анна от имени бота, с вашим именем. Его ответы придут"
                    + " сюда; ответ на них тоже уйдёт ему. Остальное в группе, и ответы на сводку лида, клиент не увидит. Закончить —"
                    + " /close или «✖ Завершить».", prompt.text());
            bot.awaitFirst(GROUP, m -> m.text().startsWith("💬 Иван Петров пишет клиенту Анна"));
            ivan.reply(prompt, "Здравствуйте! Когда удобно созвониться?");
            assertEquals("Иван, менеджер:\nЗдравствуйте! Когда удобно созвониться?", prospect.expect("Здравствуйте!").text());
            assertTrue(prospect.messages().stream().noneMatch(m -> m.text().contains("Коллеги")), "the aside stayed in the group");
            prospect.user.send("Завтра после 15:00");
            BotMessage copy = bot.awaitFirst(GROUP, m -> m.text().endsWith(":\nЗавтра после 15:00"));
            bot.awaitFirst(BotHarness.OWNER, m -> m.text().endsWith(":\nЗавтра после 15:00"));

            // Managers talking among themselves in the group: no reply to the bot, so nothing goes to the prospect.
            int prospectSaw = prospect.messages().size();
            olga.send("Коллеги, я перезвоню ей сама");
            olga.reply(copy, "Договорились, жду звонка");
            assertEquals("Ольга, менеджер:\nДоговорились, жду звонка", prospect.expect("Договорились").text());
            assertEquals(prospectSaw + 1, prospect.messages().size(), "only the reply to the bot reached the prospect");
            assertTrue(prospect.messages().stream().noneMatch(m -> m.text().contains("Коллеги")));
            assertEquals(List.of("OPENED Иван Петров ", "TO_PROSPECT Иван Петров Здравствуйте! Когда удобно созвониться?",
                    "FROM_PROSPECT Tg501 Завтра после 15:00", "TO_PROSPECT Ольга Договорились, жду звонка"),
                    bot.store.dialogs().lines(lead.id()).stream().map(l -> l.kind() + " " + l.who() + " " + l.text()).toList());

            olga.send("/close");
            bot.awaitFirst(GROUP, m -> m.text().equals("Разговор с клиентом Анна завершён (Ольга). Его новые сообщения снова идут в опрос."));
            assertEquals(List.of(), bot.store.dialogs().open());
        }
    }

    @Test
    void aGroupMembersPrivateChatWithTheBotIsAStrangersAndGetsNothingOfTheGroups() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, GROUP))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            BotMessage summary = bot.awaitFirst(GROUP, m -> m.text().contains("Новый лид"));
            ProspectChat member = new ProspectChat(bot.api, bot.api.user(IVAN, "Иван"));
            member.send("/start", QualificationInTelegramTest.ROLE);
            int groupSaw = bot.api.botMessages(GROUP).size();

            for (String command : List.of("/leads", "/lead " + lead.id().substring(0, 8), "/export", "/close", "/help")) {
                assertEquals(OwnerConsoleInTelegramTest.UNKNOWN_COMMAND, member.send(command, "Я понимаю команды").text(), command);
            }
            for (String action : List.of("c", "m", "l")) {
                String query = member.user.pressData(summary.id(), "o:" + action + ":" + lead.id());
                bot.api.awaitState(() -> bot.api.callbackAnswered(query));
                member.expect("Я понимаю команды");
            }
            member.user.reply(summary, "Привет, клиент!");
            member.expect("Не совсем понял ответ");

            assertEquals(Handling.NEW, bot.store.leads().handling(List.of(lead.id())).get(lead.id()));
            assertEquals(List.of(), bot.store.dialogs().open());
            assertEquals(groupSaw, bot.api.botMessages(GROUP).size());
            assertEquals(List.of(), bot.api.documents(IVAN));
            assertTrue(bot.api.botMessages(IVAN).stream().noneMatch(m -> m.text().contains("Анна")), "no lead data");
        }
    }
}
