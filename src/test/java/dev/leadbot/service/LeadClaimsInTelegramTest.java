package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "🙋 Беру" under every summary: one manager gets the lead, every owner chat shows who, and the outcome is kept. */
class LeadClaimsInTelegramTest {

    private static final long SECOND_OWNER = 1001;

    @TempDir
    Path dir;

    @Test
    void twoManagersTakeTheSameLeadAtOnceExactlyOneGetsItAndBothSummariesShowWho() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            Lead lead = OwnerConsoleInTelegramTest.finish(bot, List.of("Анна")).get(0);
            bot.api.await(SECOND_OWNER, messages -> messages.stream().anyMatch(m -> m.text().contains("Новый лид")));
            FakeUser ivan = bot.api.user(BotHarness.OWNER, "Иван").lastName("Петров");
            FakeUser olga = bot.api.user(SECOND_OWNER, "Ольга");
            BotMessage ivansSummary = summary(bot, BotHarness.OWNER);
            BotMessage olgasSummary = summary(bot, SECOND_OWNER);
            assertEquals(List.of("🙋 Беру", "💬 Написать"), ivansSummary.buttons());
            assertEquals(List.of("🙋 Беру", "💬 Написать"), olgasSummary.buttons());

            String ivansPress = ivan.press(ivansSummary, "Беру");
            String olgasPress = olga.press(olgasSummary, "Беру");
            bot.api.awaitState(() -> bot.api.callbackAnswered(ivansPress) && bot.api.callbackAnswered(olgasPress));

            Handling taken = bot.store.leads().handling(List.of(lead.id())).get(lead.id());
            assertEquals(Handling.Status.TAKEN, taken.status());
            String winner = taken.manager().orElseThrow();
            assertTrue(Set.of("Иван Петров", "Ольга").contains(winner), winner);
            String won = "Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид».";
            String lost = "Уже взял(а) " + winner + " в ";
            Optional<String> ivansAnswer = bot.api.callbackAnswer(ivansPress);
            Optional<String> olgasAnswer = bot.api.callbackAnswer(olgasPress);
            if (winner.equals("Ольга")) {
                assertEquals(Optional.of(won), olgasAnswer);
                assertTrue(ivansAnswer.orElseThrow().startsWith(lost), ivansAnswer.toString());
            } else {
                assertEquals(Optional.of(won), ivansAnswer);
                assertTrue(olgasAnswer.orElseThrow().startsWith(lost), olgasAnswer.toString());
            }
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                BotMessage shown = awaitSummary(bot, owner, m -> m.text().contains("🙋 Взял(а): " + winner + " · "));
                assertEquals(List.of(List.of("✅ Сделка", "❌ Не лид"), List.of("💬 Написать")), shown.rows());
                assertTrue(shown.text().contains(lead.id()), "still the whole summary: " + shown.text());
            }

            FakeUser manager = winner.equals("Ольга") ? olga : ivan;
            long managersChat = winner.equals("Ольга") ? SECOND_OWNER : BotHarness.OWNER;
            String deal = manager.press(summary(bot, managersChat), "Сделка");
            bot.api.awaitState(() -> bot.api.callbackAnswered(deal));
            assertEquals(Optional.of("Отмечено: сделка 🎉"), bot.api.callbackAnswer(deal));
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                BotMessage shown = awaitSummary(bot, owner, m -> m.text().contains("✅ Сделка · " + winner + " · "));
                assertEquals(List.of("💬 Написать"), shown.buttons());
            }

            bot.restart();
            assertEquals(Handling.Status.WON, bot.store.leads().handling(List.of(lead.id())).get(lead.id()).status());
            int before = bot.api.botMessages(BotHarness.OWNER).size();
            ivan.send("/leads");
            BotMessage list = bot.api.await(BotHarness.OWNER, all -> all.size() > before).get(before);
            assertTrue(list.text().contains(" · сделка (" + winner + ") · "), list.text());
        }
    }

    private static BotMessage summary(BotHarness bot, long owner) {
        return awaitSummary(bot, owner, m -> true);
    }

    private static BotMessage awaitSummary(BotHarness bot, long owner, Predicate<BotMessage> test) {
        Predicate<BotMessage> wanted = m -> m.text().contains("Новый лид") && test.test(m);
        return bot.api.await(owner, all -> all.stream().anyMatch(wanted)).stream().filter(wanted).findFirst().orElseThrow();
    }
}
