package dev.leadbot.telegram;

import dev.leadbot.console.ConsoleCommand;
import dev.leadbot.console.OwnerConsole;
import dev.leadbot.language.Plurals;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Contact;
import dev.leadbot.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The lead summary an owner reads in Telegram, in HTML. In full (a lead in a message of its own): in as many
 * messages as it takes, each at most 4,096 characters as Telegram counts them, and never cut inside a tag or an
 * entity. Compact (one of several leads in a message, see {@link OwnerDigest}): a few lines, whatever the prospect
 * typed, ending in the command that shows the full one.
 */
final class OwnerSummaryHtml {

    static final int LIMIT = 4096;
    /** Kept free under each summary for the line saying who took the lead and what came of it (see {@code LeadButtons}). */
    static final int STATUS_ROOM = 100;
    private static final int FILL = LIMIT - STATUS_ROOM;
    /** How many answers a compact summary shows: in a branching flow the first ones say which way the prospect went and why. */
    private static final int KEY_ANSWERS = 3;
    /** Characters of a name or an answer a compact summary shows before cutting it with "…"; a whole concept is in the full one. */
    private static final int NAME_WIDTH = 48;
    private static final int ANSWER_WIDTH = 80;
    /** Characters of a question's words a full summary shows as an answer's title. */
    private static final int QUESTION_WIDTH = 120;

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

    /**
     * @param asked the title of the question that asked an answer (see {@code Flow#title}); a summary shows it as the
     *              answer's title, cut to {@value #QUESTION_WIDTH} characters
     */
    static List<String> messages(Lead lead, Function<Answer, String> asked) {
        return pack(lines(lead, asked));
    }

    private static List<Line> lines(Lead lead, Function<Answer, String> asked) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(lead.partial() ? "⏸ <b>Неполная заявка</b> · " : mark(lead) + " <b>Новый лид</b> · ", score(lead) + " · " + lead.flow(), ""));
        lines.add(new Line("👤 " + profile(lead, Integer.MAX_VALUE), lead.contact().name().map(n -> " · представился: " + n).orElse(""), ""));
        lead.contact().phone().ifPresent(phone -> lines.add(new Line("📞 ", phone, "")));
        lead.contact().email().ifPresent(email -> lines.add(new Line("✉️ ", email, "")));
        lead.stoppedAt().ifPresent(stop -> lines.add(new Line("⏸ Замолчал на вопросе: <i>", stop.question(), "</i>")));
        lead.completes().ifPresent(id -> lines.add(new Line("✅ Дополняет неполную заявку <code>", id, "</code>")));
        lines.add(new Line("📍 Источник: ", source(lead), ""));
        lines.add(new Line("📝 <b>Ответы</b>", "", ""));
        for (Answer answer : lead.answers()) {
            // "В какой сфере ваш бизнес? 🛒 Товары", "Напишите номер: +7…": a question mark is separator enough.
            String question = shortened(asked.apply(answer).replaceFirst("\\.$", ""), QUESTION_WIDTH);
            lines.add(new Line("• <b>" + Html.escape(question) + "</b>" + (question.endsWith("?") ? " " : ": "), answer.label(), ""));
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

    /**
     * The lead as one of several in a message: the hot (or partial) mark, who with their profile link, the name they gave, the
     * score; how to reach them and where they came from; where a partial lead stopped, or the partial lead a complete one
     * completes; the first {@value #KEY_ANSWERS} answers that are not contact details; and
     * {@code /lead_ID}, a command Telegram shows as a link, which answers with the full summary. Whatever the prospect typed, a
     * few hundred characters: names and answers are cut, line breaks in them become spaces.
     */
    static String compact(Lead lead) {
        StringJoiner html = new StringJoiner("\n");
        html.add(mark(lead) + " " + profile(lead, NAME_WIDTH)
                + lead.contact().name().map(n -> " · представился: " + Html.escape(shortened(n, NAME_WIDTH))).orElse("")
                + " · " + score(lead));
        StringJoiner reach = new StringJoiner(" · ");
        lead.contact().phone().ifPresent(phone -> reach.add("📞 " + Html.escape(phone)));
        lead.contact().email().ifPresent(email -> reach.add("✉️ " + Html.escape(shortened(email, NAME_WIDTH))));
        reach.add("📍 " + Html.escape(shortened(source(lead), NAME_WIDTH)));
        html.add(reach.toString());
        lead.stoppedAt().ifPresent(stop -> html.add("⏸ Неполная, ответы остановились на вопросе: <i>" + Html.escape(shortened(stop.question(),
                ANSWER_WIDTH)) + "</i>"));
        lead.completes().ifPresent(id -> html.add("✅ Дополняет неполную заявку " + ConsoleCommand.showLead(id)));
        lead.answers().stream().filter(answer -> !isContact(answer, lead.contact())).limit(KEY_ANSWERS)
                .forEach(answer -> html.add("• " + Html.escape(shortened(answer.label(), ANSWER_WIDTH))));
        html.add("🆔 " + ConsoleCommand.showLead(lead.id()));
        return html.toString();
    }

    private static String mark(Lead lead) {
        return lead.partial() ? "⏸" : lead.tags().contains("hot") ? "🔥" : "🆕";
    }

    private static String score(Lead lead) {
        return Plurals.of("ru", lead.score(), "балл", "балла", "баллов");
    }

    private static String source(Lead lead) {
        return lead.source().orElse("прямой заход");
    }

    /** The prospect's name in Telegram as a link to their profile (any owner can open it), and their @username. */
    private static String profile(Lead lead, int width) {
        String telegramName = lead.prospect().fullName().isBlank() ? "профиль" : shortened(lead.prospect().fullName(), width);
        return Html.link("tg://user?id=" + lead.prospect().userId(), telegramName)
                + lead.prospect().username().map(u -> " @" + Html.escape(u)).orElse("");
    }

    /** An answer that only repeats a contact detail the compact summary shows already (the name they gave, the phone). */
    private static boolean isContact(Answer answer, Contact contact) {
        return matches(contact.name(), answer.label()) || matches(contact.phone(), answer.value()) || matches(contact.email(), answer.label())
                || matches(contact.username(), answer.label());
    }

    private static boolean matches(Optional<String> detail, String text) {
        return detail.filter(text::equals).isPresent();
    }

    /** One line of at most {@code width} characters: line breaks and runs of spaces become one space. */
    private static String shortened(String text, int width) {
        return OwnerConsole.cut(text.strip().replaceAll("\\s+", " "), width);
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
