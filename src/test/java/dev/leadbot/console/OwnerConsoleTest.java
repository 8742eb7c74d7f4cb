package dev.leadbot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Prospect;
import dev.leadbot.lead.Stop;
import dev.leadbot.store.Batch;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's lead list always fits one Telegram message. */
class OwnerConsoleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theLongestListStopsBeforeTelegramsLimitAndSaysHowManyMoreThereAre() throws Exception {
        try (Store store = Store.open(dir.resolve("leadbot.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Batch batch = new Batch();
            for (int i = 0; i < 30; i++) {
                batch.completed(lead(i));
            }
            store.commit("qualification", batch);
            for (int i = 0; i < 30; i++) {
                store.leads().move(new LeadMove(id(i), Handling.Status.NEW,
                        new Handling(Handling.Status.TAKEN, Optional.of("Александра-Виктория Константинопольская"), Optional.of(NOW))));
            }

            ConsoleReply.Text list = (ConsoleReply.Text) new OwnerConsole(store.leads(), store.ownerMessages(), ZoneOffset.UTC)
                    .answer(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Latest(30)), NOW).get(0);

            assertTrue(list.text().length() <= 4096, list.text().length() + " characters");
            List<String> lines = list.text().lines().toList();
            int shown = lines.size() - 2;
            assertEquals("… и ещё " + (30 - shown) + " лидов: все — в /export", lines.get(lines.size() - 1));
            assertEquals(shown, list.rows().size());
            assertTrue(shown < 30 && shown > 20, shown + " shown");
        }
    }

    @Test
    void aPressIsAnsweredByHowItsCommitMovedTheLeadAlsoWhenPressedAgainAfterACrash() throws Exception {
        try (Store store = Store.open(dir.resolve("leadbot.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Batch batch = new Batch();
            batch.completed(lead(0));
            store.commit("qualification", batch);
            OwnerConsole console = new OwnerConsole(store.leads(), store.ownerMessages(), ZoneOffset.UTC);
            LeadMove ivan = OwnerConsole.move(new ConsoleButton.Press(ConsoleButton.Action.TAKE, id(0)), "Иван", NOW).orElseThrow();
            LeadMove olga = OwnerConsole.move(new ConsoleButton.Press(ConsoleButton.Action.TAKE, id(0)), "Ольга", NOW.plusSeconds(1))
                    .orElseThrow();
            LeadMove won = OwnerConsole.move(new ConsoleButton.Press(ConsoleButton.Action.WON, id(0)), "Ольга", NOW.plusSeconds(2))
                    .orElseThrow();

            assertEquals(new ConsoleReply.Notice("Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид»."),
                    console.moved(ivan, store.leads().move(ivan)).get(0));
            assertEquals(new ConsoleReply.Notice("Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид»."),
                    console.moved(ivan, store.leads().move(ivan)).get(0), "the same manager's press again, its answer lost to a crash");
            assertEquals(new ConsoleReply.Notice("Уже взял(а) Иван в 22.11 10:00."), console.moved(olga, store.leads().move(olga)).get(0));
            assertEquals(new ConsoleReply.Notice("Отмечено: сделка 🎉"), console.moved(won, store.leads().move(won)).get(0));
            assertEquals(new ConsoleReply.Notice("Статус уже другой: сделка (Иван)."), console.moved(olga, store.leads().move(olga)).get(0));
            assertEquals(List.of(new ConsoleReply.Notice("Этого лида больше нет: его данные удалены по просьбе клиента.")),
                    console.moved(ivan, Optional.empty()));
            assertEquals(Optional.empty(), OwnerConsole.move(new ConsoleButton.Press(ConsoleButton.Action.OPEN, id(0)), "Иван", NOW));
        }
    }

    @Test
    void aPartialLeadIsMarkedInTheListAndTheLeadCompletingItNamesIt() throws Exception {
        try (Store store = Store.open(dir.resolve("leadbot.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Lead first = lead(1);
            Lead partial = new Lead(first.id(), first.flow(), first.prospect(), first.source(), first.answers(), first.score(), first.tags(),
                    first.path(), first.contact(), first.startedAt(), first.completedAt(),
                    Optional.of(new Stop("channel", "Как вам удобнее связаться?")), Optional.empty());
            Lead second = lead(2);
            Lead completing = new Lead(second.id(), second.flow(), second.prospect(), second.source(), second.answers(), second.score(),
                    second.tags(), second.path(), second.contact(), second.startedAt(), second.completedAt(), Optional.empty(),
                    Optional.of(partial.id()));
            Batch batch = new Batch();
            batch.completed(partial);
            batch.completed(completing);
            store.commit("qualification", batch);

            ConsoleReply.Text list = (ConsoleReply.Text) new OwnerConsole(store.leads(), store.ownerMessages(), ZoneOffset.UTC)
                    .answer(new ConsoleCommand.Leads(new ConsoleCommand.Selection.Latest(10)), NOW).get(0);

            List<String> lines = list.text().lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains(". ⏸ неполная · Анна-Мария") && l.endsWith(" · 00000001")), list.text());
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(" · дополняет 00000001 · 00000002")), list.text());
        }
    }

    @Test
    void timesAndTodayAreTheOwnersZoneAskedAtEachAnswer() throws Exception {
        try (Store store = Store.open(dir.resolve("leadbot.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Batch batch = new Batch();
            batch.completed(lead(0));
            store.commit("qualification", batch);
            java.util.concurrent.atomic.AtomicReference<java.time.ZoneId> zone = new java.util.concurrent.atomic.AtomicReference<>(
                    java.time.ZoneId.of("Europe/Moscow"));
            OwnerConsole console = new OwnerConsole(store.leads(), store.ownerMessages(), zone::get);
            ConsoleCommand latest = new ConsoleCommand.Leads(new ConsoleCommand.Selection.Latest(10));
            ConsoleCommand today = new ConsoleCommand.Leads(new ConsoleCommand.Selection.Today());

            assertTrue(((ConsoleReply.Text) console.answer(latest, NOW).get(0)).text().endsWith(" · 22.11 12:59 · 00000000"));
            // 23:30 in Moscow is 20:30 UTC the next day: the lead was yesterday there.
            assertEquals("Сегодня лидов нет.", ((ConsoleReply.Text) console.answer(today, Instant.parse("2026-11-22T21:30:00Z")).get(0)).text());

            zone.set(ZoneOffset.UTC);
            assertTrue(((ConsoleReply.Text) console.answer(latest, NOW).get(0)).text().endsWith(" · 22.11 09:59 · 00000000"));
            assertTrue(((ConsoleReply.Text) console.answer(today, Instant.parse("2026-11-22T21:30:00Z")).get(0)).text()
                    .startsWith("Лиды за сегодня: 1"));
        }
    }

    private static String id(int i) {
        return String.format("%08d-0000-0000-0000-000000000000", i);
    }

    private static Lead lead(int i) {
        String name = "Анна-Мария Константиновна Воскресенская-Преображенская " + i;
        return new Lead(id(i), "qualification", new Prospect(100 + i, 100 + i, Optional.empty(), name, Optional.empty(), "ru"),
                Optional.of("vk_ads"), List.of(Answer.of("role", "role", "owner", "👨‍💼 Я владелец бизнеса / предприниматель и маркетолог в одном лице")),
                50, List.of("hot"), List.of("greeting", "role", "thanks"),
                new Contact(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty()),
                NOW.minusSeconds(600), NOW.minusSeconds(30 - i));
    }
}
