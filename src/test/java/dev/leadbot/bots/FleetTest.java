package dev.leadbot.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.store.Database;
import dev.leadbot.store.StoreKind;
import dev.leadbot.telegram.FloodLimits;
import dev.leadbot.telegram.TelegramSettings;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.CapturedLog;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.OwnerChat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Two bots in one process against one fake Bot API serving both tokens; their state in a file each, or a PostgreSQL schema each. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class FleetTest {

    static final String SHOP_TOKEN = "7000001:AAShopTokenForLocalTestsOnly_abcdefghijk";
    static final String CAFE_TOKEN = "7000002:AACafeTokenForLocalTestsOnly_abcdefghijk";
    static final long SHOP_OWNER = 1000;
    static final long CAFE_OWNER = 2000;
    /** The same person writes to both bots: Telegram gives them the same chat id in each. */
    static final long PROSPECT = 555;
    static final FloodLimits FAST = new FloodLimits(5, Duration.ofMillis(100), 300, Duration.ofMillis(100));
    static final String FLOW = """
            start: role
            nodes:
              role:
                type: choice
                text: Who are you?
                options:
                  - {id: owner, label: Owner}
                  - {id: other, label: Someone else}
                next: bye
              bye: {type: end, text: "Thanks, we will call you"}
            """;

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private FakeBotApi shop;
    private FakeBotApi cafe;
    private Fleet fleet;
    private Fleet.Bot shopBot;
    private Fleet.Bot cafeBot;
    /** Each bot's own CRM sink, both named as the studio names them in the settings' top-level 'sinks:'. */
    private final Map<String, Recorded> crm = Map.of("shop", new Recorded(), "cafe", new Recorded());

    /** A CRM sink that keeps the names of the prospects whose leads it was given. */
    private static final class Recorded implements LeadSink {
        private final List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Delivery deliver(Lead lead, int attempt) {
            names.add(lead.prospect().firstName());
            return new Delivery.Delivered(Optional.empty());
        }
    }

    @BeforeEach
    void twoBots() throws IOException, InterruptedException {
        shop = new FakeBotApi();
        cafe = shop.anotherBot(CAFE_TOKEN, "cafe_bot");
        for (FakeBotApi api : List.of(shop, cafe)) {
            api.floodLimits(FAST.chatBurst(), FAST.chatRefill(), FAST.bulkPerSecond(), FAST.second());
        }
        shop.startedEarlier(SHOP_OWNER);
        cafe.startedEarlier(CAFE_OWNER);
        Path flow = dir.resolve("flow.yaml");
        Files.writeString(flow, FLOW);
        shopBot = bot("shop", FakeBotApi.TOKEN, SHOP_OWNER, flow);
        cafeBot = bot("cafe", CAFE_TOKEN, CAFE_OWNER, flow);
        fleet = Fleet.of(2, Clock.systemUTC());
        assertEquals(Map.of(), fleet.start(List.of(shopBot, cafeBot)));
    }

    private Fleet.Bot bot(String name, String token, long owner, Path flow) {
        Path folder = dir.resolve(name);
        return new Fleet.Bot(Optional.of(name), new TelegramSettings(token, List.of(owner), shop.url(), folder.resolve("leads.jsonl"), FAST),
                flow, Flows.load(flow), kind == StoreKind.SQLITE ? new Database.SqliteFile(folder.resolve("leadbot.db"))
                : kind.database(dir, "fleet_" + name), List.of(crm.getOrDefault(name, new Recorded())));
    }

    @AfterEach
    void stop() {
        fleet.close();
        shop.close();
    }

    @Test
    void eachBotKeepsItsConversationsLeadsAndOwnerChatsToItself() throws IOException {
        FakeUser atShop = shop.user(PROSPECT, "Anna");
        FakeUser atCafe = cafe.user(PROSPECT, "Boris");
        atShop.send("/start");
        atCafe.send("/start");
        shop.await(PROSPECT, saying("Who are you?"));
        cafe.await(PROSPECT, saying("Who are you?"));
        atShop.press("Owner");
        atCafe.press("Someone else");

        List<BotMessage> shopOwner = shop.await(SHOP_OWNER, messages -> OwnerChat.leadsIn(messages) == 1);
        List<BotMessage> cafeOwner = cafe.await(CAFE_OWNER, messages -> OwnerChat.leadsIn(messages) == 1);
        assertTrue(shopOwner.get(0).text().contains("Anna") && shopOwner.get(0).text().contains("Owner"), shopOwner.get(0).text());
        assertFalse(shopOwner.get(0).text().contains("Boris"));
        assertTrue(cafeOwner.get(0).text().contains("Boris") && cafeOwner.get(0).text().contains("Someone else"), cafeOwner.get(0).text());
        assertFalse(cafeOwner.get(0).text().contains("Anna"));
        // Neither bot wrote to the other's owner, and each conversation ran in its own bot's chat.
        assertEquals(List.of(), cafe.botMessages(SHOP_OWNER));
        assertEquals(List.of(), shop.botMessages(CAFE_OWNER));
        assertTrue(shop.botMessages(PROSPECT).stream().noneMatch(m -> m.text().contains("Boris")));
        // Each lead reached only its own bot's leads file.
        shop.await(PROSPECT, saying("Thanks"));
        String shopLeads = awaitFile(dir.resolve("shop/leads.jsonl"));
        String cafeLeads = awaitFile(dir.resolve("cafe/leads.jsonl"));
        assertTrue(shopLeads.contains("Anna") && !shopLeads.contains("Boris"), shopLeads);
        assertTrue(cafeLeads.contains("Boris") && !cafeLeads.contains("Anna"), cafeLeads);
        // And each lead reached only its own bot's CRM.
        shop.awaitState(() -> !crm.get("shop").names.isEmpty() && !crm.get("cafe").names.isEmpty());
        assertEquals(List.of("Anna"), crm.get("shop").names);
        assertEquals(List.of("Boris"), crm.get("cafe").names);

        // The shop's owner asks for the leads: only the shop's.
        shop.user(SHOP_OWNER, "Owner").send("/leads");
        List<BotMessage> list = shop.await(SHOP_OWNER, messages -> messages.stream().anyMatch(m -> m.text().contains("Anna")
                && !m.text().contains("Новый лид")));
        assertTrue(list.stream().noneMatch(m -> m.text().contains("Boris")));
        cafe.user(CAFE_OWNER, "Owner").send("/leads");
        List<BotMessage> cafeList = cafe.await(CAFE_OWNER, messages -> messages.size() >= 2);
        assertTrue(cafeList.get(1).text().contains("Boris") && !cafeList.get(1).text().contains("Anna"), cafeList.get(1).text());
    }

    @Test
    void aBotWhoseTokenIsRevokedStopsAloneWhileTheOtherFinishesItsConversation() throws InterruptedException {
        try (CapturedLog log = new CapturedLog()) {
            FakeUser atShop = shop.user(PROSPECT, "Anna");
            atShop.send("/start");
            shop.await(PROSPECT, saying("Who are you?"));

            cafe.revoke();
            // The fake's condition-await, with its deadline: a bot that never stops fails the test instead of hanging it.
            cafe.awaitState(() -> fleet.runningCount() == 1);
            assertEquals(Optional.empty(), fleet.username(cafeBot));
            assertEquals(Optional.of("test_lead_bot"), fleet.username(shopBot));
            atShop.press("Owner");
            assertEquals(1, OwnerChat.leadsIn(shop.await(SHOP_OWNER, messages -> OwnerChat.leadsIn(messages) == 1)));
            assertEquals(List.of("[ERROR] Fleet - bot 'cafe' (@cafe_bot) is stopped: Telegram refused its token (401 Unauthorized), so"
                    + " it was revoked or replaced in @BotFather; give it the new token and start leadbot again; the 1 other bot keeps"
                    + " running"), log.lines("is stopped").stream().map(line -> line.substring(line.indexOf("[ERROR]"))).toList());
        }
    }

    @Test
    void aBotThatFailsUnexpectedlyWhileStartingIsReportedAloneWithItsDatabaseGivenBack() throws Exception {
        Path flow = dir.resolve("flow.yaml");
        LeadSink broken = new LeadSink() {
            @Override
            public String name() {
                throw new IllegalStateException("sink without a name");
            }

            @Override
            public Delivery deliver(Lead lead, int attempt) {
                throw new AssertionError("never started");
            }
        };
        Fleet.Bot plain = bot("bar", shop.anotherBot("7000003:AABarTokenForLocalTestsOnly_abcdefghijklm", "bar_bot").token(), 3000, flow);
        Fleet.Bot barBot = new Fleet.Bot(plain.name(), plain.telegram(), plain.flowFile(), plain.flow(), plain.database(), List.of(broken));

        try (CapturedLog log = new CapturedLog()) {
            assertEquals(Map.of(barBot, "it failed while starting (java.lang.IllegalStateException: sink without a name); the log has the"
                    + " details, please report them"), fleet.start(List.of(barBot)));
            assertEquals(1, log.lines("[ERROR] Fleet - bot 'bar' is not started: it failed while starting").size());
        }
        assertEquals(2, fleet.runningCount());
        // Its database was given back: it opens again (a file's lock, a PostgreSQL schema's instance lock).
        try (dev.leadbot.store.Store again = dev.leadbot.store.Store.open(barBot.database(), Clock.systemUTC())) {
            assertEquals(List.of(), again.replies().unsent());
        }
    }

    @Test
    void aBotWhoseTokenIsRefusedAtStartIsNotStartedAndTheOthersRun() throws IOException, InterruptedException {
        FakeBotApi bar = shop.anotherBot("7000003:AABarTokenForLocalTestsOnly_abcdefghijklm", "bar_bot");
        bar.revoke();
        Path flow = dir.resolve("flow.yaml");
        Fleet.Bot barBot = bot("bar", bar.token(), 3000, flow);

        try (CapturedLog log = new CapturedLog()) {
            assertEquals(Map.of(barBot, "Telegram refused its token (401 Unauthorized); check its telegram_bot_token against the one"
                    + " @BotFather gave for it"), fleet.start(List.of(barBot)));
            assertEquals(1, log.lines("bot 'bar' is not started: Telegram refused its token").size());
        }
        assertEquals(2, fleet.runningCount());
        FakeUser atShop = shop.user(PROSPECT, "Anna");
        atShop.send("/start");
        shop.await(PROSPECT, saying("Who are you?"));
    }

    private static java.util.function.Predicate<List<BotMessage>> saying(String part) {
        return messages -> messages.stream().anyMatch(m -> m.text().contains(part));
    }

    private static String awaitFile(Path file) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) || Files.readString(file).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " never written");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return Files.readString(file);
    }
}
