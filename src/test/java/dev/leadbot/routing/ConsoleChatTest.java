package dev.leadbot.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.engine.Input;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Owner commands that leave the console for the flow file and the funnel: /reload and /stats, answered through the port. */
@ExtendWith(OnTheCustomersFlow.class)
class ConsoleChatTest {

    @Test
    void aReloadIsReportedToTheOwnerWhoAskedAsAReply(RoutedBot bot) throws Exception {
        bot.route(bot.command(RoutedBot.OWNER, "/reload"));

        List<RecordingChats.Said> said = bot.chats.said();
        assertEquals(1, said.size(), said.toString());
        assertEquals(RoutedBot.OWNER, said.get(0).chat());
        assertEquals("reload report", said.get(0).what());
        assertEquals(ChatPort.Lane.REPLY, said.get(0).lane());
        assertTrue(said.get(0).text().startsWith("flow loaded: "), said.get(0).text());
    }

    @Test
    void statsForAPeriodThatDoesNotParseAreAnsweredWithHowToAsk(RoutedBot bot) throws Exception {
        bot.route(bot.command(RoutedBot.OWNER, "/stats soon"));

        assertEquals(List.of(new RecordingChats.Stats(RoutedBot.OWNER, new StatsAnswer.Usage())), bot.chats.stats());
    }

    @Test
    void statsAreTheRunningFlowsFunnelOverTheLastSevenDaysByDefault(RoutedBot bot) throws Exception {
        bot.route(bot.input(77, new Input.Start(Optional.empty())));

        bot.route(bot.command(RoutedBot.OWNER, "/stats"));

        List<RecordingChats.Stats> stats = bot.chats.stats();
        assertEquals(1, stats.size(), stats.toString());
        StatsAnswer.Funnel funnel = (StatsAnswer.Funnel) stats.get(0).answer();
        assertEquals("qualification", funnel.flow());
        assertEquals(Duration.ofDays(7), funnel.period());
        assertEquals(1, funnel.report().totals().started(), funnel.report().toString());
    }
}
