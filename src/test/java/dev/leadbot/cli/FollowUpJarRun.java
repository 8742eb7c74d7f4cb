package dev.leadbot.cli;

import dev.leadbot.store.Outgoing;
import dev.leadbot.store.Store;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.BotProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The packaged bot with a flow whose reminders come after 3 and 8 seconds: prospects start together and stay silent.
 * With {@code kill}, the Bot API refuses every call once the prospects have their question, so the first reminders
 * are committed when due but cannot be sent; once all of them wait in the store the process is killed with SIGKILL and started
 * again. Measures each reminder's arrival against its moment: the moment the prospect's /start reached the bot plus the
 * reminder's {@code after}.
 */
final class FollowUpJarRun {

    static final String FIRST = "Still there, Klient?";
    static final String SECOND = "One tap and we go on.";
    static final String QUESTION = "Which plan suits you?";
    static final List<String> BUTTONS = List.of("Basic", "Pro");
    private static final String FLOW = """
            language: en
            start: pick
            follow_ups:
              abandon_after: 2s
              reminders:
                - {after: 3s, text: "Still there, {name}?"}
                - {after: 8s, text: "One tap and we go on."}
            nodes:
              pick:
                type: choice
                text: "Which plan suits you?"
                options:
                  - {id: basic, label: Basic, next: bye}
                  - {id: pro, label: Pro, next: bye}
              bye: {type: end, text: "Thanks!"}
            """;
    private static final Duration[] AFTER = {Duration.ofSeconds(3), Duration.ofSeconds(8)};

    /**
     * What the prospects got.
     *
     * @param messages   each prospect's messages from the bot, in order, as they stand at the end
     * @param sent       each prospect's messages from the bot as they were sent: text and buttons
     * @param deviations each reminder's arrival minus its moment, in milliseconds, for the reminders sent by a running bot
     * @param afterRestart for reminders held back by the kill: from the second start to their arrival, in milliseconds
     */
    record Outcome(List<List<BotMessage>> messages, List<List<BotMessage>> sent, List<Long> deviations, List<Long> afterRestart) {
    }

    private FollowUpJarRun() {
    }

    static Outcome run(Path dir, int prospects, boolean kill) throws Exception {
        Path flow = dir.resolve("flow.yaml");
        Files.writeString(flow, FLOW);
        try (FakeBotApi api = new FakeBotApi()) {
            api.startedEarlier(1000);
            Map<Long, Long> handed = new ConcurrentHashMap<>();
            Map<Long, List<BotMessage>> sent = new ConcurrentHashMap<>();
            api.watch(new FakeBotApi.Watcher() {
                @Override
                public void handedOver(long chatId, long nanos) {
                    handed.putIfAbsent(chatId, nanos);
                }

                @Override
                public void accepted(long chatId, String method, BotMessage message, long nanos) {
                    if (method.equals("sendmessage")) {
                        sent.computeIfAbsent(chatId, chat -> java.util.Collections.synchronizedList(new ArrayList<>())).add(message);
                    }
                }
            });
            Map<String, String> env = BotProcess.against(api, dir);
            env.put("LEADBOT_FLOW", flow.toString());
            List<FakeUser> users = IntStream.range(0, prospects).mapToObj(i -> api.user(700 + i, "Klient")).toList();
            Process bot = BotProcess.start(dir, "1", env);
            long restarted = 0;
            try {
                users.forEach(user -> user.send("/start"));
                for (FakeUser user : users) {
                    api.await(user.chatId(), all -> all.stream().anyMatch(m -> m.text().contains(QUESTION)));
                }
                if (kill) {
                    // From here the Bot API refuses every call: the first reminders are committed when due but cannot leave.
                    api.failNext(Integer.MAX_VALUE, 502);
                    // On a machine slow enough to have sent some before, those count as they are: once each is still the rule.
                    api.awaitState(() -> committedFirstReminders(dir) + sentFirstReminders(api, users) == prospects);
                    bot.destroyForcibly();
                    bot.waitFor(60, TimeUnit.SECONDS);
                    api.failNext(0, 502);
                    restarted = System.nanoTime();
                    bot = BotProcess.start(dir, "2", env);
                }
                // Settled: every reminder sent and the conversations abandoned, nothing left to send or to fire.
                for (FakeUser user : users) {
                    api.await(user.chatId(), all -> all.stream().filter(m -> m.text().contains(SECOND)).count() >= 1);
                }
                api.awaitState(() -> settled(dir));
            } finally {
                bot.destroy();
                bot.waitFor(60, TimeUnit.SECONDS);
            }
            List<List<BotMessage>> messages = new ArrayList<>();
            List<List<BotMessage>> asSent = users.stream().map(user -> List.copyOf(sent.getOrDefault(user.chatId(), List.of()))).toList();
            List<Long> deviations = new ArrayList<>();
            List<Long> afterRestart = new ArrayList<>();
            for (FakeUser user : users) {
                List<BotMessage> chat = api.botMessages(user.chatId());
                messages.add(chat);
                for (int i = 0; i < AFTER.length; i++) {
                    String text = i == 0 ? FIRST : SECOND;
                    long moment = handed.get(user.chatId()) + AFTER[i].toNanos();
                    for (BotMessage m : chat) {
                        if (m.text().contains(text)) {
                            if (kill && i == 0) {
                                afterRestart.add(TimeUnit.NANOSECONDS.toMillis(m.sentAtNanos() - restarted));
                            } else {
                                deviations.add(TimeUnit.NANOSECONDS.toMillis(m.sentAtNanos() - moment));
                            }
                        }
                    }
                }
            }
            return new Outcome(messages, asSent, deviations, afterRestart);
        }
    }

    private static Store tools(Path dir) throws Exception {
        return Store.openForTools(dir.resolve("data/leadbot.db"), Clock.systemUTC());
    }

    /** First reminders committed and waiting to be sent (the Bot API refuses them). */
    private static int committedFirstReminders(Path dir) {
        try (Store store = tools(dir)) {
            return (int) store.replies().unsent().stream().map(Outgoing::payload).filter(p -> p.contains("Still there")).count();
        } catch (Exception e) {
            return -1; // not created yet, or busy: asked again
        }
    }

    private static int sentFirstReminders(FakeBotApi api, List<FakeUser> users) {
        return (int) users.stream().flatMap(user -> api.botMessages(user.chatId()).stream()).filter(m -> m.text().contains(FIRST)).count();
    }

    private static boolean settled(Path dir) {
        try (Store store = tools(dir)) {
            return store.replies().unsent().isEmpty() && store.followUps().next().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
