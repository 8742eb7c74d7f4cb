package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.console.ConsoleButton;
import dev.leadbot.engine.Input;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Someone who is no owner using an owner's command or forging an owner's button: changes nothing, learns nothing. */
@ExtendWith(OnTheCustomersFlow.class)
class StrangerTest {

    private static final long MALLORY = 666;
    private static final String UNKNOWN_COMMAND = "Я понимаю команды /start";

    @Test
    void aStrangersReloadChangesNothing(RoutedBot bot) throws Exception {
        bot.route(bot.input(MALLORY, new Input.Start(Optional.empty())));
        LiveFlow.Running running = bot.live.current();

        List<String> replies = bot.route(bot.command(MALLORY, "/reload"));

        assertTrue(replies.stream().anyMatch(reply -> reply.contains(UNKNOWN_COMMAND)), replies.toString());
        assertEquals(List.of(), bot.chats.said(), "no reload report, to anyone");
        assertEquals(running, bot.live.current(), "the running flow stays");
    }

    @Test
    void aStrangerPressingAForgedTakeButtonChangesNothing(RoutedBot bot) throws Exception {
        Lead lead = bot.finish(42, "Анна");
        bot.route(bot.input(MALLORY, new Input.Start(Optional.empty())));
        int storedForOwners = bot.store.replies().unsent().stream().filter(reply -> reply.chatId() == RoutedBot.OWNER).toList().size();

        for (String action : List.of("c", "w", "x")) {
            String query = "forged-" + action;
            List<String> replies = bot.route(new Incoming.OwnerPress(900, RoutedBot.prospect(MALLORY, "Mallory"),
                    ConsoleButton.decode("o:" + action + ":" + lead.id()), query));
            assertTrue(replies.stream().anyMatch(reply -> reply.contains(UNKNOWN_COMMAND)), replies.toString());
            assertTrue(bot.chats.answers().stream().anyMatch(answer -> answer.callbackId().equals(query)), "the press is answered");
        }

        assertEquals(Handling.NEW, bot.store.leads().handling(List.of(lead.id())).get(lead.id()));
        assertEquals(List.of(), bot.chats.shown(), "the console showed nothing");
        assertEquals(storedForOwners, bot.store.replies().unsent().stream().filter(reply -> reply.chatId() == RoutedBot.OWNER).toList().size());
    }
}
