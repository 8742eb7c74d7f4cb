package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.telegram.fake.BotMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-ups end to end: the packaged bot, the fake Bot API, reminders after seconds. Counts are asserted exactly; how
 * close to its moment each reminder came is printed, never asserted (timing decides no test; see FollowUpBenchmark).
 */
class FollowUpsJarIT {

    @TempDir
    Path dir;

    private static void eachGotBothRemindersOnceWithTheButtons(FollowUpJarRun.Outcome outcome) {
        for (List<BotMessage> chat : outcome.sent()) {
            assertEquals(3, chat.size(), chat.toString());
            assertTrue(chat.get(1).text().startsWith(FollowUpJarRun.FIRST), chat.get(1).text());
            assertTrue(chat.get(2).text().startsWith(FollowUpJarRun.SECOND), chat.get(2).text());
            for (BotMessage message : chat) {
                assertTrue(message.text().endsWith(FollowUpJarRun.QUESTION), message.text());
                assertEquals(FollowUpJarRun.BUTTONS, message.buttons(), "sent with the question's buttons");
            }
        }
        for (List<BotMessage> chat : outcome.messages()) {
            assertEquals(3, chat.size(), chat.toString());
            assertEquals(List.of(List.of(), List.of(), FollowUpJarRun.BUTTONS), chat.stream().map(BotMessage::buttons).toList(),
                    "only the newest copy of the question keeps its buttons");
        }
    }

    @Test
    void remindersArriveOnceEachWithTheQuestionsButtons() throws Exception {
        FollowUpJarRun.Outcome outcome = FollowUpJarRun.run(dir, 5, false);
        eachGotBothRemindersOnceWithTheButtons(outcome);
        System.out.println("follow-ups, 5 prospects: reminders' arrival after their moment, ms " + outcome.deviations());
    }

    @Test
    void aKillBetweenRemindersBeingDueAndBeingSentNeitherLosesNorDoublesThem() throws Exception {
        FollowUpJarRun.Outcome outcome = FollowUpJarRun.run(dir, 5, true);
        eachGotBothRemindersOnceWithTheButtons(outcome);
        assertEquals(5, outcome.afterRestart().size());
        System.out.println("follow-ups across kill -9, 5 prospects: first reminders sent after the restart in ms " + outcome.afterRestart()
                + ", second reminders' arrival after their moment, ms " + outcome.deviations());
    }
}
