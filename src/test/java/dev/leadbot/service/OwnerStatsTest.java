package dev.leadbot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.chart.FunnelChart;
import dev.leadbot.telegram.fake.BotMessage;
import dev.leadbot.telegram.fake.BotPhoto;
import dev.leadbot.telegram.fake.FakeUser;
import dev.leadbot.testing.ProspectChat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /stats: the funnel for owners as a chart with a caption; for anyone else, the answer to an unknown command. */
class OwnerStatsTest {

    private static final String UNKNOWN = "Я понимаю команды /start, /back (шаг назад), /restart (начать заново) и /forget (удалить мои данные).";

    @TempDir
    Path dir;

    private static void oneProspectOnTheOwnerPath(BotHarness bot) {
        ProspectChat chat = new ProspectChat(bot.api, bot.api.user(42, "Anna"));
        chat.send("/start vk_ads", QualificationInTelegramTest.ROLE);
        chat.press("Я владелец бизнеса", "В какой сфере");
    }

    @Test
    void anOwnerGetsTheFunnelChartWithAFewLinesUnderIt() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            oneProspectOnTheOwnerPath(bot);

            bot.api.user(BotHarness.OWNER, "Owner").send("/stats");
            bot.api.awaitState(() -> !bot.api.photos(BotHarness.OWNER).isEmpty());

            BotPhoto photo = bot.api.photos(BotHarness.OWNER).get(0);
            assertEquals("📊 Воронка за 7 дн. · qualification\n"
                    + "Начали: 1 · лидов: 0 (0 %)\n"
                    + "Ушли: 0 · ещё отвечают: 1 · назад: 0\n"
                    + "Пути: owner 0 % (1)\n"
                    + "Источники: vk_ads 0 % (1)", photo.caption());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.image()));
            assertEquals(FunnelChart.WIDTH, image.getWidth());
            assertEquals(250 + 96 * 2, image.getHeight(), "a row for role and one for sphere");
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 20, "a blank picture: " + colours.size() + " colours");
            assertEquals(List.of(), bot.api.botMessages(BotHarness.OWNER), "the owner's chat got the photo alone");
        }
    }

    @Test
    void aStrangerAskingForStatsGetsTheUnknownCommandAnswerAndNothingOfTheOwners() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            oneProspectOnTheOwnerPath(bot);
            FakeUser stranger = bot.api.user(77, "Stranger");
            ProspectChat chat = new ProspectChat(bot.api, stranger);
            chat.send("/start", QualificationInTelegramTest.ROLE);

            for (String command : List.of("/stats", "/stats 30d", "/STATS@test_lead_bot 24h")) {
                int before = bot.api.botMessages(77).size();
                stranger.send(command);
                List<BotMessage> after = bot.api.await(77, messages -> messages.size() > before);
                assertEquals(UNKNOWN, after.get(after.size() - 1).text());
            }
            chat.press("Я владелец бизнеса", "В какой сфере");

            assertEquals(List.of(), bot.api.photos(77));
            assertEquals(List.of(), bot.api.photos(BotHarness.OWNER));
            assertTrue(bot.api.botMessages(77).stream().noneMatch(m -> m.text().contains("Воронка") || m.text().contains("vk_ads")));
        }
    }

    @Test
    void anOwnerIsToldHowToAskForAPeriodAndAnEmptyPeriodIsSaidInWords() throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser owner = bot.api.user(BotHarness.OWNER, "Owner");
            owner.send("/stats soon");
            assertEquals("Статистика: /stats — за 7 дней, /stats 30d — за 30 дней, /stats 24h — за сутки.",
                    bot.awaitCount(BotHarness.OWNER, 1).get(0).text());

            owner.send("/stats 24h");
            assertEquals("📊 Воронка за 24 ч · qualification\n"
                    + "Начали: 0 · лидов: 0 (0 %)\n"
                    + "Ушли: 0 · ещё отвечают: 0 · назад: 0\n"
                    + "Пока ни одного шага за этот период.", bot.awaitCount(BotHarness.OWNER, 2).get(1).text());
            assertEquals(List.of(), bot.api.photos(BotHarness.OWNER));
        }
    }
}
