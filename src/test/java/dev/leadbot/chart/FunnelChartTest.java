package dev.leadbot.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leadbot.funnel.FunnelEvent;
import dev.leadbot.funnel.FunnelReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FunnelChartTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final FunnelChart.Words WORDS = new FunnelChart.Words("дошли", "ответили", "ушли", "Воронка за 7 дн.",
            "Начали 40 · лидов 12 (30 %)");

    /** {@code prospects} prospects, each going one question further than the one before, up to {@code questions}. */
    static FunnelReport report(int prospects, int questions) {
        List<FunnelEvent> events = new ArrayList<>();
        for (int chat = 1; chat <= prospects; chat++) {
            int reached = 1 + chat % questions;
            for (int q = 1; q <= reached; q++) {
                Instant at = T0.plusSeconds(chat * 100L + q * 10L);
                events.add(event(FunnelEvent.Kind.SHOWN, chat, at, q, "вопрос_" + q));
                if (q < reached) {
                    events.add(event(FunnelEvent.Kind.ANSWERED, chat, at.plusSeconds(5), q, "вопрос_" + q));
                }
            }
        }
        return FunnelReport.of(events, T0, T0.plus(Duration.ofDays(1)), Duration.ofHours(1));
    }

    private static FunnelEvent event(FunnelEvent.Kind kind, long chat, Instant at, int step, String node) {
        return new FunnelEvent(kind, chat, at, "qualification", "0a1b2c3d", T0, step, node, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theChartIsAPngAsWideAsAPhoneShowsWithARowPerQuestionAndRealContent() throws Exception {
        byte[] png = FunnelChart.png(report(40, 6), WORDS);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/funnel-chart.png"), png); // to look at: what an owner sees

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(FunnelChart.WIDTH, image.getWidth());
        assertEquals(250 + 96 * 6, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        int answered = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                answered += rgb == 0x1F6FB5 ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 20, "a blank or one-colour picture: " + colours.size() + " colours");
        assertTrue(answered > 2_000, "the answered bars cover too little: " + answered + " sampled pixels");
    }

    @Test
    void manyQuestionsAreCutToTheMostReachedSoBarsStayReadable() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FunnelChart.png(report(200, 40), WORDS)));
        assertEquals(250 + 96 * FunnelChart.MAX_QUESTIONS, image.getHeight());
    }
}
