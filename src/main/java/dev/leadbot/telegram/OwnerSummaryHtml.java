package dev.leadbot.telegram;

import dev.leadbot.language.Plurals;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.List;

/**
 * The lead summary an owner reads in Telegram, in HTML, in as many messages as it takes: each
 * at most 4,096 characters as Telegram counts them, and never cut inside a tag or an entity.
 */
final class OwnerSummaryHtml {

    static final int LIMIT = 4096;
    /** Kept free under each summary for the line saying who took the lead and what came of it (see {@code LeadButtons}). */
    static final int STATUS_ROOM = 100;
    private static final int FILL = LIMIT - STATUS_ROOM;

    /** A line of the summary: markup around a plain text that may be split when too long. */
    private record Line(String before, String text, String after) {
        String html() {
            return before + Html.escape(text) + after;
        }

        int visible() {
            return visibleLength(before) + text.length() + visibleLength(after);
        }
    }

    private OwnerSummaryHtml() {
    }

    static List<String> messages(Lead lead) {
        return pack(lines(lead));
    }

    private static List<Line> lines(Lead lead) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(lead.partial() ? "⏸ <b>Неполная заявка</b> · " : (lead.tags().contains("hot") ? "🔥" : "🆕") + " <b>Новый лид</b> · ", Plurals.of("ru", lead.score(), "балл", "балла", "баллов") + " · " + lead.flow(), ""));
        String telegramName = lead.prospect().fullName().isBlank() ? "профиль" : lead.prospect().fullName();
        String who = Html.link("tg://user?id=" + lead.prospect().userId(), telegramName)
                + lead.prospect().username().map(u -> " @" + Html.escape(u)).orElse("");
        lines.add(new Line("👤 " + who, lead.contact().name().map(n -> " · представился: " + n).orElse(""), ""));
        lead.contact().phone().ifPresent(phone -> lines.add(new Line("📞 ", phone, "")));
        lead.contact().email().ifPresent(email -> lines.add(new Line("✉️ ", email, "")));
        lead.stoppedAt().ifPresent(stop -> lines.add(new Line("⏸ Замолчал на вопросе: <i>", stop.question(), "</i>")));
        lead.completes().ifPresent(id -> lines.add(new Line("✅ Дополняет неполную заявку <code>", id, "</code>")));
        lines.add(new Line("📍 Источник: ", lead.source().orElse("прямой заход"), ""));
        lines.add(new Line("🧭 Путь: ", String.join(" → ", lead.path()), ""));
        lines.add(new Line("📝 <b>Ответы</b>", "", ""));
        for (Answer answer : lead.answers()) {
            lines.add(new Line("• <b>" + Html.escape(answer.variable()) + "</b>: ", answer.label(), ""));
        }
        if (!lead.tags().isEmpty()) {
            lines.add(new Line("🏷 Теги: ", String.join(", ", lead.tags()), ""));
        }
        long seconds = lead.timeToComplete().toSeconds();
        if (!lead.partial()) {
            lines.add(new Line("⏱ Заполнено за ", seconds >= 60 ? seconds / 60 + " мин " + seconds % 60 + " с" : seconds + " с", ""));
        }
        lines.add(new Line("🆔 <code>", lead.id(), "</code>"));
        return lines;
    }

    /** Fills messages line by line; a line too long for one message is cut between characters of its plain text. */
    private static List<String> pack(List<Line> lines) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = 0;
        for (Line whole : lines) {
            for (Line line : fitting(whole)) {
                int needed = line.visible() + (length == 0 ? 0 : 1);
                if (length + needed > FILL) {
                    messages.add(current.toString());
                    current.setLength(0);
                    length = 0;
                    needed = line.visible();
                }
                if (length > 0) {
                    current.append('\n');
                }
                current.append(line.html());
                length += needed;
            }
        }
        if (length > 0) {
            messages.add(current.toString());
        }
        return messages;
    }

    private static List<Line> fitting(Line line) {
        if (line.visible() <= FILL) {
            return List.of(line);
        }
        int room = FILL - visibleLength(line.before) - visibleLength(line.after);
        List<Line> parts = new ArrayList<>();
        String text = line.text;
        while (!text.isEmpty()) {
            int end = Math.min(room, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(new Line(line.before, text.substring(0, end), line.after));
            text = text.substring(end);
        }
        return parts;
    }

    /** Characters as Telegram counts them (UTF-16 units): tags do not count, an entity counts as one. */
    static int visibleLength(String html) {
        return html.replaceAll("<[^>]*>", "").replaceAll("&(?:lt|gt|amp|quot|#\\d+);", "_").length();
    }
}
