package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.lead.Lead;
import dev.leadbot.telegram.fake.BotDocument;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.Flows;
import dev.leadbot.testing.Lockstep;
import dev.leadbot.testing.ProspectChat;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's console in Telegram, end to end through the fake Bot API: only owner chats get it, and strangers learn nothing. */
class OwnerConsoleInTelegramTest {

    private static final long SECOND_OWNER = 1001;
    static final String UNKNOWN_COMMAND = "Я понимаю команды /start, /back (шаг назад), /restart (начать заново) и /forget"
            + " (удалить мои данные).";

    @TempDir
    Path dir;

    @Test
    void ownerChatsGetOwnerCommandsInTheirMenuAndProspectsOnlyTheirs() throws Exception {
        try (BotHarness bot = new BotHarness(dir, Flows.qualification(), List.of(BotHarness.OWNER, SECOND_OWNER))) {
            List<String> prospects = List.of("start", "back", "restart", "forget");
            assertEquals(prospects, bot.api.commands());
            assertEquals(prospects, bot.api.commands(77));
            for (long owner : List.of(BotHarness.OWNER, SECOND_OWNER)) {
                assertEquals(List.of("leads", "lead", "export", "stats", "reload", "close", "help", "start", "back", "restart", "forget"), bot.api.commands(owner));
            }
        }
    }

    @Test
    void helpForAnOwnerListsTheOwnerCommands() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            owner(bot).send("/help");
            BotMessage help = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Команды владельца")).get(0);
            for (String command : List.of("/leads", "/leads today", "/leads hot", "/lead ID", "/export", "/export 7d", "/stats", "/stats 30d", "/reload", "/close", "/help")) {
                assertTrue(help.text().contains(command), command + " in " + help.text());
            }
        }
    }

    @Test
    void leadsListsTheLatestOneLineEachAndEachOpensItsSummary() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            List<Lead> leads = finish(bot, List.of("Анна", "Борис", "Вера"));
            FakeUser owner = owner(bot);

            owner.send("/leads");
            BotMessage list = bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Последние лиды:")).stream()
                    .filter(BotHarness.saying("Последние лиды:")).findFirst().orElseThrow();
            List<String> lines = list.text().lines().skip(1).toList();
            assertEquals(3, lines.size(), list.text());
            assertTrue(lines.get(0).startsWith("1. Вера · 👨‍💼 Я владелец бизнеса / предприниматель · 50 баллов 🔥 · "), lines.get(0));
            assertTrue(lines.get(2).startsWith("3. Анна · 👨‍💼 Я владелец бизнеса / предприниматель · 50 баллов 🔥 · "), lines.get(2));
            assertTrue(lines.get(2).endsWith(" · " + DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(ZoneId.of("Europe/Moscow"))
                    .format(leads.get(0).completedAt()) + " · " + leads.get(0).id().substring(0, 8)), "Moscow time, the flow's: " + lines.get(2));
            assertEquals(List.of("1. Вера", "2. Борис", "3. Анна"), list.buttons());

            owner.press(list, "2. Борис");
            BotMessage summary = bot.awaitAny(BotHarness.OWNER, m -> m.id() > list.id() && m.text().contains("Новый лид")).stream()
                    .filter(m -> m.id() > list.id() && m.text().contains("Новый лид")).findFirst().orElseThrow();
            assertTrue(summary.text().contains("представился: Борис"), summary.text());
            assertTrue(summary.text().contains(leads.get(1).id()), summary.text());

            owner.send("/lead " + leads.get(2).id().substring(0, 8));
            bot.awaitAny(BotHarness.OWNER, m -> m.id() > summary.id() && m.text().contains("представился: Вера"));

            owner.send("/leads 2");
            BotMessage two = bot.awaitAny(BotHarness.OWNER, m -> m.id() > summary.id() && m.text().startsWith("Последние лиды:")).stream()
                    .filter(m -> m.id() > summary.id() && m.text().startsWith("Последние лиды:")).findFirst().orElseThrow();
            assertEquals(List.of("1. Вера", "2. Борис"), two.buttons());

            owner.send("/leads many");
            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Так: /leads — последние 10, /leads 20 — последние 20 (до 30),"
                    + " /leads today — за сегодня, /leads hot — горячие."));
        }
    }

    @Test
    void exportSendsTheSameCsvAsTheCommandLineWithEveryLead() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            List<Lead> leads = finish(bot, List.of("Анна", "Борис, \"Боря\"", "Вера"));

            owner(bot).send("/export");
            bot.api.awaitState(() -> !bot.api.documents(BotHarness.OWNER).isEmpty());
            BotDocument csv = bot.api.documents(BotHarness.OWNER).get(0);

            // The customer's flow writes its hours in Moscow time, where the owner is.
            assertEquals("leads-" + LocalDate.now(ZoneId.of("Europe/Moscow")) + ".csv", csv.fileName());
            assertEquals("3 лида · CSV для Excel (UTF-8)", csv.caption());
            String text = new String(csv.content(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFF"), "a byte-order mark, so Excel reads UTF-8");
            assertEquals(dev.leadbot.console.CsvExport.of(bot.store.leads().completedSince(Instant.EPOCH), java.util.Map.of()), text);
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(text.substring(1)))) {
                List<CSVRecord> records = parser.getRecords();
                assertEquals(leads.stream().map(Lead::id).collect(Collectors.toSet()),
                        records.stream().map(r -> r.get("id")).collect(Collectors.toSet()));
                assertEquals(Set.of("Анна", "Борис, \"Боря\"", "Вера"), records.stream().map(r -> r.get("name")).collect(Collectors.toSet()));
            }

            owner(bot).send("/export 7x");
            bot.awaitAny(BotHarness.OWNER, BotHarness.saying("Так: /export — все лиды, /export 7d — за 7 дней, /export 24h — за сутки."));
        }
    }

    @Test
    void aStrangersOwnerCommandsAndForgedOwnerButtonsGetTheProspectsHelpAndNothingElse() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            Lead lead = finish(bot, List.of("Анна")).get(0);
            int ownerMessages = bot.api.botMessages(BotHarness.OWNER).size();
            ProspectChat strangerChat = new ProspectChat(bot.api, bot.api.user(666, "Mallory"));
            strangerChat.send("/start", QualificationInTelegramTest.ROLE);
            FakeUser stranger = strangerChat.user;
            int before = bot.api.botMessages(666).size();
            List<String> tries = List.of("/leads", "/leads hot", "/lead " + lead.id(), "/export", "/export 7d", "/stats", "/help", "/LEADS@test_lead_bot");
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < tries.size(); i++) {
                stranger.send(tries.get(i));
                bot.awaitCount(666, before + i + 1);
            }
            for (String data : List.of("o:l:" + lead.id(), "o:l:" + lead.id().substring(0, 8), "o:z:" + lead.id())) {
                queries.add(stranger.pressData(1, data));
                bot.api.awaitState(() -> bot.api.callbackAnswered(queries.get(queries.size() - 1)));
                bot.awaitCount(666, before + tries.size() + queries.size());
            }
            List<BotMessage> all = bot.awaitCount(666, before + tries.size() + queries.size());
            List<BotMessage> answers = all.subList(before, all.size());

            assertEquals(tries.size() + queries.size(), answers.size());
            answers.forEach(answer -> assertEquals(UNKNOWN_COMMAND, answer.text()));
            answers.forEach(answer -> assertFalse(answer.markup().isPresent()));
            queries.forEach(query -> assertEquals(java.util.Optional.empty(), bot.api.callbackAnswer(query)));
            assertEquals(List.of(), bot.api.documents(666));
            assertEquals(ownerMessages, bot.api.botMessages(BotHarness.OWNER).size(), "the owner's chat is not touched");
            assertEquals(1, bot.store.leads().completedSince(Instant.EPOCH).size());
        }
    }

    private static FakeUser owner(BotHarness bot) {
        return bot.api.user(BotHarness.OWNER, "Owner");
    }

    /** Each name finishes the customer's flow in its own chat; the leads, oldest first, once every summary reached the owner. */
    static List<Lead> finish(BotHarness bot, List<String> names) throws Exception {
        long chatId = 500;
        for (String name : names) {
            ProspectChat chat = new ProspectChat(bot.api, bot.api.user(chatId++, "Tg" + chatId));
            Lockstep.walk(List.of(chat), List.of(
                    Lockstep.Step.send("/start", QualificationInTelegramTest.ROLE),
                    Lockstep.Step.tap("Я владелец бизнеса", "В какой сфере"),
                    Lockstep.Step.tap("B2B-компания", "Что для вас сейчас важнее всего?"),
                    Lockstep.Step.tap("Квалифицировать входящие заявки", "Давайте обсудим"),
                    Lockstep.Step.tap("Продолжить", "Как к вам обращаться?"),
                    Lockstep.Step.send(name, "Как вам удобнее связаться?"),
                    Lockstep.Step.tap("Напишите мне в Telegram", "Когда вам удобно"),
                    Lockstep.Step.tap("Вечером", "Спасибо")));
        }
        bot.api.await(BotHarness.OWNER, messages -> BotHarness.leadsIn(messages) >= names.size());
        return bot.store.leads().completedSince(Instant.EPOCH);
    }
}
