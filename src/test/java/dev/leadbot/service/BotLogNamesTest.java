package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Store;
import dev.leadbot.telegram.BotThreads;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bots of one process share threads; each line a bot's work logs names that bot, whichever shared thread wrote it. */
class BotLogNamesTest {

    private static final String CAFE_TOKEN = "7000002:AACafeTokenForLocalTestsOnly_abcdefghijk";
    private static final FloodLimits FAST = new FloodLimits(5, Duration.ofMillis(100), 300, Duration.ofMillis(100));
    private static final String FLOW = """
            start: role
            nodes:
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner}
                next: bye
              bye: {type: end, text: "Thanks, we will call you"}
            """;

    @TempDir
    Path dir;

    /** A CRM that refuses every lead for good (a line the delivery worker logs), counting them. */
    private static final class Refusing implements LeadSink {
        final List<String> refused = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Delivery deliver(Lead lead, int attempt) {
            refused.add(lead.prospect().firstName());
            return new Delivery.Failed("401: the API key is wrong");
        }
    }

    @Test
    void twoBotsOnSharedThreadsNameThemselvesInEveryLineTheirWorkLogs() throws Exception {
        Path flowFile = dir.resolve("flow.yaml");
        Files.writeString(flowFile, FLOW);
        Refusing shopCrm = new Refusing();
        Refusing cafeCrm = new Refusing();
        List<String> lines;
        try (FakeBotApi shop = new FakeBotApi(); CapturedLog log = new CapturedLog()) {
            FakeBotApi cafe = shop.anotherBot(CAFE_TOKEN, "cafe_bot");
            BotThreads threads = BotThreads.forBots(2);
            try (Store shopStore = Store.open(dir.resolve("shop/leadbot.db"), Clock.systemUTC());
                    Store cafeStore = Store.open(dir.resolve("cafe/leadbot.db"), Clock.systemUTC())) {
                TelegramService shopBot = TelegramService.start(settings(FakeBotApi.TOKEN, shop, "shop"), flowFile, Flows.load(flowFile),
                        shopStore, List.of(shopCrm), Clock.systemUTC(), threads, () -> { });
                TelegramService cafeBot = TelegramService.start(settings(CAFE_TOKEN, shop, "cafe"), flowFile, Flows.load(flowFile),
                        cafeStore, List.of(cafeCrm), Clock.systemUTC(), threads, () -> { });
                shop.user(555, "Anna").send("/start");
                cafe.user(555, "Boris").send("/start");
                shop.await(555, messages -> messages.stream().anyMatch(m -> m.text().contains("Who are you?")));
                cafe.await(555, messages -> messages.stream().anyMatch(m -> m.text().contains("Who are you?")));
                shop.user(555, "Anna").press("Owner");
                cafe.user(555, "Boris").press("Owner");
                shop.awaitState(() -> shopCrm.refused.size() == 1 && cafeCrm.refused.size() == 1);
                // Closing waits for the delivery runs under way: their lines are written by then.
                shopBot.close();
                cafeBot.close();
            } finally {
                threads.close();
            }
            lines = log.lines();
        }

        // The shop is the fake's first bot, @test_lead_bot.
        for (String bot : List.of("test_lead_bot", "cafe_bot")) {
            String prospect = bot.equals("test_lead_bot") ? "Anna" : "Boris";
            assertEquals(1, lines.stream().filter(l -> l.contains("[@" + bot + "/deliver-") && l.contains("[ERROR] DeliveryWorker - lead=")
                    && l.endsWith("sink=crm given up: 401: the API key is wrong")).count(), lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.contains("[@" + bot + "/chat-") && l.contains("[INFO] ChatRouter - update=2")
                    && l.contains(" completed, score 0")).count(), lines.toString());
            assertEquals(List.of(prospect), (bot.equals("test_lead_bot") ? shopCrm : cafeCrm).refused);
        }
        for (String line : lines) {
            assertTrue(line.contains("@test_lead_bot") || line.contains("@cafe_bot"), "a line that names no bot: " + line);
        }
    }

    private TelegramSettings settings(String token, FakeBotApi api, String folder) {
        return new TelegramSettings(token, List.of(), api.url(), dir.resolve(folder).resolve("leads.jsonl"), FAST);
    }
}
