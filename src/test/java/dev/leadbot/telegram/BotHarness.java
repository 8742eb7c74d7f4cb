package dev.leadbot.telegram;

import dev.leadbot.flow.Flow;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeBotApi;
import dev.leadbot.testing.Flows;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/** The real service against the fake Bot API, with one owner chat that has started the bot. */
final class BotHarness implements AutoCloseable {

    static final long OWNER = 1000;

    final FakeBotApi api;
    final TelegramService service;
    final Path leads;

    BotHarness(Path dir) throws IOException, BotStartException {
        this(dir, Flows.qualification(), List.of(OWNER));
    }

    BotHarness(Path dir, Flow flow, List<Long> owners) throws IOException, BotStartException {
        this(dir, flow, owners, 25, 3);
    }

    /** With the service's limits raised (the fake's too), for load. */
    BotHarness(Path dir, Flow flow, List<Long> owners, int perSecond, int perChatSecond) throws IOException, BotStartException {
        api = new FakeBotApi();
        api.limits(Math.max(30, perSecond + 5), Math.max(4, perChatSecond + 1));
        owners.forEach(api::startedEarlier);
        leads = dir.resolve("leads.jsonl");
        service = TelegramService.start(new TelegramSettings(FakeBotApi.TOKEN, owners, api.url(), leads, perSecond, perChatSecond), flow,
                Clock.systemUTC());
    }

    /** Waits until the chat has at least {@code count} bot messages; returns them all. */
    List<BotMessage> awaitCount(long chat, int count) {
        return api.await(chat, messages -> messages.size() >= count);
    }

    /** Waits until some bot message in the chat satisfies {@code test}. */
    List<BotMessage> awaitAny(long chat, Predicate<BotMessage> test) {
        return api.await(chat, messages -> messages.stream().anyMatch(test));
    }

    static Predicate<BotMessage> saying(String part) {
        return message -> message.text().contains(part);
    }

    static BotMessage last(List<BotMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    @Override
    public void close() {
        service.close();
        api.close();
    }
}
