package dev.leadbot.chart;

import dev.leadbot.funnel.FunnelReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The funnel as a picture for a phone: one row per question, the most reached at the top, with
 * bars for who reached it, who answered it and who stopped there. Drawn in memory with no display
 * (headless), in a font with Cyrillic. Telegram shrinks a photo to the screen's width, so the
 * picture is drawn large with big type rather than small and sharp.
 */
public final class FunnelChart {

    /** Pixels; Telegram shows photos up to 1280 wide, and a phone narrows them to about 400 points. */
    public static final int WIDTH = 1080;
    /** Questions beyond this many (the least reached) are left out, so bars stay thick enough to read. */
    static final int MAX_QUESTIONS = 14;
    private static final int HEADER = 250;
    private static final int PER_QUESTION = 96;
    private static final String FONT = Font.SANS_SERIF;
    private static final Color REACHED = new Color(0xB3, 0xCD, 0xE8);
    private static final Color ANSWERED = new Color(0x1F, 0x6F, 0xB5);
    private static final Color STOPPED = new Color(0xE0, 0x5A, 0x2B);

    static {
        // Before AWT starts: the bot runs on servers without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FunnelChart() {
    }

    /** Labels in the chart's language: the series and the title's words. */
    public record Words(String reached, String answered, String stopped, String title, String subtitle) {
    }

    /** A PNG of {@code report}'s questions; the report should have at least one. */
    public static byte[] png(FunnelReport report, Words words) {
        List<FunnelReport.Question> questions = report.questions().subList(0, Math.min(MAX_QUESTIONS, report.questions().size()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FunnelReport.Question question : questions) {
            data.addValue(question.reached(), words.reached(), question.node());
            data.addValue(question.answered(), words.answered(), question.node());
            data.addValue(question.stopped(), words.stopped(), question.node());
        }
        JFreeChart chart = ChartFactory.createBarChart(words.title(), null, null, data, PlotOrientation.HORIZONTAL, true, false, false);
        style(chart, words);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEADER + PER_QUESTION * Math.max(1, questions.size()));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        }
        return png.toByteArray();
    }

    private static void style(JFreeChart chart, Words words) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(16, 16, 16, 32));
        chart.getTitle().setFont(new Font(FONT, Font.BOLD, 40));
        TextTitle subtitle = new TextTitle(words.subtitle(), new Font(FONT, Font.PLAIN, 30));
        subtitle.setPadding(new RectangleInsets(8, 0, 8, 0));
        chart.addSubtitle(subtitle);
        chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 30));
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 6, 2, 28));

        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1.5f));
        CategoryAxis questions = plot.getDomainAxis();
        questions.setTickLabelFont(new Font(FONT, Font.PLAIN, 30));
        questions.setMaximumCategoryLabelWidthRatio(0.4f);
        questions.setCategoryMargin(0.25);
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setTickLabelFont(new Font(FONT, Font.PLAIN, 24));
        counts.setUpperMargin(0.15);

        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        bars.setSeriesPaint(0, REACHED);
        bars.setSeriesPaint(1, ANSWERED);
        bars.setSeriesPaint(2, STOPPED);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 22));
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    }
}
