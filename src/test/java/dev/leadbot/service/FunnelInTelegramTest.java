package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.testing.ProspectChat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step a prospect takes in Telegram is in the funnel by the time they see its answer; /forget takes all of it away. */
class FunnelInTelegramTest {

    @TempDir
    Path dir;

    @Test
    void stepsAreCommittedBeforeTheProspectSeesThemAndForgetRemovesThem() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
            chat.send("/start vk_ads", QualificationInTelegramTest.ROLE);
            chat.press("Я владелец бизнеса", "В какой сфере");

            List<FunnelEvent> steps = bot.store.funnel().events(Instant.EPOCH, false);
            assertEquals(List.of("STARTED greeting", "SHOWN role", "ANSWERED role", "SHOWN sphere"),
                    steps.stream().map(e -> e.kind() + " " + e.node()).toList());
            assertEquals(List.of(Optional.of("vk_ads")), steps.stream().map(FunnelEvent::source).distinct().toList());
            assertEquals(Optional.of("owner"), steps.get(2).answer());
            assertEquals(Optional.of("owner"), steps.get(3).path());

            chat.send("/forget", "Удалить все ваши ответы и контакты из бота?");
            chat.press("Да, удалить", "Готово");

            assertEquals(List.of(), bot.store.funnel().events(Instant.EPOCH, false));
        }
    }

    @Test
    void aTypedStartWithTextNoDeepLinkCanCarryRecordsNoSource() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(43, "Boris"));
            chat.send("/start =HYPERLINK(\"http://example.com\") Борис +79161234567", QualificationInTelegramTest.ROLE);

            List<FunnelEvent> steps = bot.store.funnel().events(Instant.EPOCH, false);
            assertEquals(List.of(Optional.empty()), steps.stream().map(FunnelEvent::source).distinct().toList());
        }
    }
}
