package dev.leadbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bot's tasks on threads the bots share run under the bot's name, and the thread gets its own name back. */
class BotTasksTest {

    @Test
    void aTaskRunsUnderItsBotsNameAndTheSharedThreadGetsItsOwnNameBack() throws Exception {
        ScheduledExecutorService shared = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "deliver-1"));
        try {
            BotTasks shop = BotTasks.of("shop_bot", shared);
            assertEquals("@shop_bot/deliver-1", shop.submit(() -> Thread.currentThread().getName()).get());
            assertEquals("@shop_bot/deliver-1", shop.schedule(() -> Thread.currentThread().getName(), 1, TimeUnit.MILLISECONDS).get());
            assertEquals("deliver-1", shared.submit(() -> Thread.currentThread().getName()).get());
            assertEquals("@cafe_bot/deliver-1", BotTasks.of("cafe_bot", shared).submit(() -> Thread.currentThread().getName()).get());
        } finally {
            shared.shutdownNow();
        }
    }
}
