package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.console.ConsoleReply;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.engine.Input;
import dev.leadbot.flow.BotText;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.Batch;
import dev.leadbot.testing.Flows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot's routing over its port: what each update does to the conversation and what it asks the chat port to send. */
@ExtendWith(OnTheCustomersFlow.class)
class ChatRouterTest {

    private static final String ROLE = "какой вариант вас лучше описывает?";
    private static final long ANNA = 42;

    @Test
    void aStartIsAnsweredWithTheFirstQuestionStoredForSendingAndTheConversationKept(RoutedBot bot) throws Exception {
        List<String> replies = bot.route(bot.input(ANNA, new Input.Start(Optional.of("vk_ads"))));

        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith("ask 1: ") && replies.get(0).contains(ROLE), replies.toString());
        assertEquals(replies, bot.store.replies().unsent().stream().map(reply -> reply.payload()).toList(), "stored until sent");
        assertEquals("role", bot.store.conversations().conversation(ANNA).orElseThrow().node());
        assertEquals(List.of(), bot.chats.answers());
    }

    @Test
    void aPressIsAnsweredOnceItsUpdateIsCommittedAndTheQuestionShowsItsAnswer(RoutedBot bot) throws Exception {
        bot.route(bot.input(ANNA, new Input.Start(Optional.empty())));
        Incoming.FromProspect press = bot.press(ANNA, "Я владелец бизнеса");

        Batch batch = new Batch();
        Effects effects = new Effects();
        bot.router.handle(press, batch, effects);
        assertEquals(List.of(), bot.chats.answers(), "nothing leaves before the commit");
        bot.store.commit("qualification", batch);
        effects.release();

        assertEquals(List.of(new ChatPort.CallbackAnswer(press.callbackId().orElseThrow(), Optional.empty())), bot.chats.answers());
        List<String> replies = bot.store.replies().unsent().stream().map(reply -> reply.payload()).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply.startsWith("answered 1: ")), replies.toString());
        assertTrue(replies.stream().anyMatch(reply -> reply.contains("В какой сфере")), replies.toString());
    }

    @Test
    void aFinishedConversationHandsItsLeadOverOnlyOnceItIsCommitted(RoutedBot bot) throws Exception {
        walkToContact(bot, ANNA);
        bot.route(bot.press(ANNA, "Продолжить"));
        bot.route(bot.typed(ANNA, "Анна"));
        bot.route(bot.press(ANNA, "Напишите мне в Telegram"));
        assertEquals(List.of(), bot.completed);

        List<String> thanks = bot.route(bot.press(ANNA, "Вечером"));

        assertEquals(1, bot.completed.size());
        Lead lead = bot.completed.get(0);
        assertEquals(Optional.of("Анна"), lead.contact().name());
        assertEquals(List.of(lead.id()), bot.store.leads().completedSince(RoutedBot.T0.minusSeconds(1)).stream().map(Lead::id).toList());
        assertTrue(thanks.stream().anyMatch(reply -> reply.contains("Спасибо, Анна!")), thanks.toString());
    }

    @Test
    void aDeclinedConsentKeepsNoConversationAndHandsNoLeadOver(RoutedBot bot) throws Exception {
        walkToContact(bot, ANNA);

        List<String> replies = bot.route(bot.press(ANNA, "Не сейчас"));

        assertTrue(replies.stream().anyMatch(reply -> reply.contains("Хорошо, без проблем!")), replies.toString());
        assertEquals(Optional.empty(), bot.store.conversations().conversation(ANNA));
        assertEquals(List.of(), bot.completed);
    }

    @Test
    void aForgetDeletesTheChatOutsideTheStoreOnlyAfterItsCommit(RoutedBot bot) throws Exception {
        bot.route(bot.input(ANNA, new Input.Start(Optional.empty())));
        List<String> prompt = bot.route(bot.input(ANNA, new Input.Forget()));
        assertTrue(prompt.stream().anyMatch(reply -> reply.contains("Удалить все ваши ответы и контакты из бота?")), prompt.toString());
        Batch batch = new Batch();
        Effects effects = new Effects();

        bot.router.handle(bot.press(ANNA, "Да, удалить"), batch, effects);
        assertEquals(List.of(), bot.forgotten);
        bot.store.commit("qualification", batch);
        effects.release();

        assertEquals(List.of(ANNA), bot.forgotten);
        assertEquals(Optional.empty(), bot.store.conversations().conversation(ANNA));
    }

    @Test
    void aStrangersOwnerCommandIsAnsweredExactlyAsAnUnknownCommandAndReachesNoConsole(RoutedBot bot) throws Exception {
        List<String> unknown = bot.route(bot.input(77, new Input.UnknownCommand("/leads")));

        List<String> stranger = bot.route(bot.command(78, "/leads"));

        assertEquals(unknown, stranger);
        assertEquals(List.of(), bot.chats.shown());
    }

    @Test
    void anOwnersCommandGoesToTheConsoleAndNothingOfItIsStored(RoutedBot bot) throws Exception {
        List<String> replies = bot.route(bot.command(RoutedBot.OWNER, "/leads"));

        assertEquals(List.of(), replies);
        List<RecordingChats.Shown> shown = bot.chats.shown();
        assertEquals(1, shown.size(), shown.toString());
        assertEquals(RoutedBot.OWNER, shown.get(0).chat());
        assertTrue(shown.get(0).reply() instanceof ConsoleReply.Text, shown.toString());
        assertEquals(Optional.empty(), bot.store.conversations().conversation(RoutedBot.OWNER));
    }

    @Test
    void anOwnersPressOfDataThatDoesNotParseIsAnsweredAsABrokenButton(RoutedBot bot) throws Exception {
        bot.route(new Incoming.OwnerPress(500, RoutedBot.prospect(RoutedBot.OWNER, "Иван"), Optional.<ConsoleButton.Press>empty(), "q1"));

        assertEquals(List.of(new ChatPort.CallbackAnswer("q1", Optional.of(OwnerConsole.BROKEN_BUTTON))), bot.chats.answers());
    }

    @Test
    void aGroupHearsOnceThatTheBotWorksInPrivateChatsAndKeepsNoConversation(RoutedBot bot) throws Exception {
        long group = -100500;
        Incoming read = bot.typed(group, "привет");

        List<String> first = bot.route(new Incoming.FromGroup(600, group, read, true));
        List<String> second = bot.route(new Incoming.FromGroup(601, group, read, true));

        String privateOnly = Flows.qualification().texts().get(BotText.PRIVATE_ONLY).in(Flows.qualification().defaultLanguage());
        assertEquals(List.of("say: " + privateOnly), first);
        assertEquals(List.of(), second);
        assertEquals(Optional.empty(), bot.store.conversations().conversation(group));
    }

    @Test
    void aProspectWhoBlockedTheBotIsOpenAgainOnceTheyWrite(RoutedBot bot) throws Exception {
        bot.route(bot.input(ANNA, new Input.Start(Optional.empty())));
        bot.closed.add(ANNA);

        bot.route(bot.typed(ANNA, "я вернулась"));

        assertFalse(bot.closed.contains(ANNA));
    }

    @Test
    void aSilentProspectsReminderGoesOnTheBulkLaneWhenItComesDue(RoutedBot bot) throws Exception {
        bot.route(bot.input(ANNA, new Input.Start(Optional.empty())));
        assertEquals(List.of(), bot.followUps(), "nothing is due yet");

        bot.clock.set(RoutedBot.T0.plus(Duration.ofMinutes(15)));
        List<String> reminder = bot.followUps();

        assertFalse(reminder.isEmpty());
        assertTrue(reminder.stream().allMatch(reply -> reply.startsWith("(bot) ")), reminder.toString());
        assertTrue(reminder.stream().anyMatch(reply -> reply.contains("мы остановились на полпути")), reminder.toString());
    }

    @Test
    void aChatThatBlockedTheBotGetsNothingWhenItsFollowUpComesDue(RoutedBot bot) throws Exception {
        bot.route(bot.input(ANNA, new Input.Start(Optional.empty())));
        bot.closed.add(ANNA);
        bot.clock.set(RoutedBot.T0.plus(Duration.ofMinutes(15)));

        assertEquals(List.of(), bot.followUps());
        assertEquals(List.of(), bot.followUps(), "and no later reminder is kept for it");
    }

    /** Anna answers the first three questions: the contact question's introduction and its consent are next. */
    private static void walkToContact(RoutedBot bot, long chat) throws Exception {
        bot.route(bot.input(chat, new Input.Start(Optional.empty())));
        bot.route(bot.press(chat, "Я владелец бизнеса"));
        bot.route(bot.press(chat, "B2B-компания"));
        bot.route(bot.press(chat, "Квалифицировать входящие заявки"));
    }
}
