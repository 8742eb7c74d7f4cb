package dev.leadbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.BotProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bot killed with SIGKILL while a manager talks to a prospect: once right after the manager's reply is
 * committed but before any of its messages reached Telegram, once between the reply and the prospect's answer, and once
 * right after the answer is committed but before its copies reached the owner chats. Each message arrives exactly once,
 * the conversation stays open, and the flow keeps waiting.
 */
class DialogKillJarIT {

    private static final long IVANS_CHAT = 1000;
    private static final long OLGAS_CHAT = 1001;
    private static final long PROSPECT = 500;
    private static final String HELLO = "Иван, менеджер:\nЗдравствуйте! Когда удобно созвониться?";
    private static final String BYE = "Иван, менеджер:\nОтлично, до завтра!";

    @TempDir
    Path dir;

    @Test
    void aManagersReplyReachesTheProspectAndTheAnswerReachesBothOwnerChatsExactlyOnceAcrossKills() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(IVANS_CHAT);
            api.startedEarlier(OLGAS_CHAT);
            FakeUser prospect = api.user(PROSPECT, "Klient");
            FakeUser ivan = api.user(IVANS_CHAT, "Иван");

            Process first = start(api, 1);
            List<FakeBotApi.Hold> replyHeld = List.of();
            try {
                BotProcess.ownerPath(api, prospect, "/start");
                BotMessage summary = await(api, IVANS_CHAT, m -> m.text().contains("Новый лид"));
                await(api, OLGAS_CHAT, m -> m.text().contains("Новый лид"));
                // The bot knows which lead the summary shows once Telegram accepted it.
                api.awaitState(() -> read(store -> store.ownerMessages().leadsShownIn(IVANS_CHAT, summary.id()).size() == 1));

                // Everything the reply makes is held on its way to Telegram: the prospect's words and both owner chats' notice.
                replyHeld = List.of(api.hold("sendMessage", PROSPECT), api.hold("sendMessage", IVANS_CHAT),
                        api.hold("sendMessage", OLGAS_CHAT));
                ivan.reply(summary, "Здравствуйте! Когда удобно созвониться?");
            } finally {
                killWhenHeld(first, replyHeld);
            }

            Process second = start(api, 2);
            try {
                await(api, PROSPECT, m -> m.text().equals(HELLO));
                for (long owner : List.of(IVANS_CHAT, OLGAS_CHAT)) {
                    await(api, owner, m -> m.text().startsWith("💬 Иван пишет клиенту Клиент"));
                }
                // Killed with nothing on its way: every message of the reply is marked sent.
                api.awaitState(() -> read(store -> store.replies().unsent().isEmpty()));
            } finally {
                kill(second);
            }

            // The prospect answers while the bot is down; the next run commits the answer and dies before copying it.
            prospect.send("Завтра после 15:00");
            List<FakeBotApi.Hold> copiesHeld = List.of(api.hold("sendMessage", IVANS_CHAT), api.hold("sendMessage", OLGAS_CHAT));
            killWhenHeld(start(api, 3), copiesHeld);

            Process fourth = start(api, 4);
            try {
                String copy = "):\nЗавтра после 15:00";
                for (long owner : List.of(IVANS_CHAT, OLGAS_CHAT)) {
                    BotMessage copied = await(api, owner, m -> m.text().endsWith(copy));
                    assertTrue(copied.text().startsWith("💬 Klient (лид "), copied.text());
                    assertEquals(List.of("✖ Завершить"), copied.buttons());
                }
                // Ivan's chat still writes to the prospect; the prospect's lane is in order, so anything the flow had said
                // to the answer would come before this.
                ivan.send("Отлично, до завтра!");
                await(api, PROSPECT, m -> m.text().equals(BYE));

                List<String> toProspect = api.botMessages(PROSPECT).stream().map(BotMessage::text).toList();
                int thanks = toProspect.indexOf(toProspect.stream().filter(t -> t.contains("Спасибо, Клиент!")).findFirst().orElseThrow());
                assertEquals(List.of(HELLO, BYE), toProspect.subList(thanks + 1, toProspect.size()),
                        "the manager's words once each, and nothing from the flow");
                for (long owner : List.of(IVANS_CHAT, OLGAS_CHAT)) {
                    List<String> shown = api.botMessages(owner).stream().map(BotMessage::text).toList();
                    assertEquals(1, shown.stream().filter(t -> t.endsWith(copy)).count(), shown.toString());
                    assertEquals(1, shown.stream().filter(t -> t.startsWith("💬 Иван пишет клиенту Клиент")).count(), shown.toString());
                }
                assertEquals(1, (int) read(store -> store.dialogs().open().size()), "the conversation is still open");
                assertEquals(List.of("OPENED Иван ", "TO_PROSPECT Иван Здравствуйте! Когда удобно созвониться?",
                        "FROM_PROSPECT Klient Завтра после 15:00", "TO_PROSPECT Иван Отлично, до завтра!"),
                        read(store -> store.dialogs().lines(store.leads().completedSince(Instant.EPOCH).get(0).id()).stream()
                                .map(line -> line.kind() + " " + line.who() + " " + line.text()).toList()), "recorded with the lead once each");
            } finally {
                fourth.destroy();
                fourth.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private Process start(FakeBotApi api, int run) throws IOException {
        Map<String, String> env = BotProcess.against(api, dir);
        env.put("LEADBOT_OWNER_CHAT_IDS", IVANS_CHAT + "," + OLGAS_CHAT);
        return BotProcess.start(dir, String.valueOf(run), env);
    }

    /** Kills the bot with SIGKILL once all of {@code held} reached the fake, so none of them ever reaches Telegram. */
    private static void killWhenHeld(Process bot, List<FakeBotApi.Hold> held) throws InterruptedException {
        try {
            held.forEach(FakeBotApi.Hold::awaitArrived);
        } finally {
            kill(bot);
            held.forEach(FakeBotApi.Hold::release);
        }
    }

    private static void kill(Process bot) throws InterruptedException {
        bot.destroyForcibly();
        assertTrue(bot.waitFor(60, TimeUnit.SECONDS));
    }

    private interface Read<T> {
        T read(Store store) throws StoreException;
    }

    /** Reads the bot's database as the owner's tools do, beside the running bot. */
    private <T> T read(Read<T> read) {
        try (Store store = Store.openForTools(dir.resolve("data/leadbot.db"), Clock.systemUTC())) {
            return read.read(store);
        } catch (StoreException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static BotMessage await(FakeBotApi api, long chat, Predicate<BotMessage> test) {
        return api.await(chat, all -> all.stream().anyMatch(test)).stream().filter(test).findFirst().orElseThrow();
    }
}
