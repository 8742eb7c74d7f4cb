package dev.leadbot.sink;

import dev.leadbot.language.Plurals;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The plain-text lead summary an owner reads: who, how to reach them, what they answered. Not the path's node ids: they
 * are the flow author's names, and what the prospect chose on the way is in the answers (the path stays in the lead's
 * data for sinks, the leads file and the funnel).
 */
public final class OwnerSummary {

    private OwnerSummary() {
    }

    /**
     * @param asked the words of the question that asked an answer, its title in the summary; a sink that knows no flow
     *              passes {@code Answer::variable}
     */
    public static String plainText(Lead lead, Function<Answer, String> asked) {
        StringJoiner out = new StringJoiner("\n");
        out.add((lead.partial() ? "⏸ Неполная заявка" : (lead.tags().contains("hot") ? "🔥" : "🆕") + " Новый лид") + " · " + Plurals.of("ru", lead.score(), "балл", "балла", "баллов") + " · " + lead.flow());
        String name = lead.contact().name().orElse(lead.prospect().fullName());
        out.add("👤 " + name + lead.prospect().username().map(u -> " (@" + u + ")").orElse("")
                + (lead.contact().name().isPresent() ? " · в Telegram: " + lead.prospect().fullName() : ""));
        lead.contact().phone().ifPresent(p -> out.add("📞 " + p));
        lead.contact().email().ifPresent(e -> out.add("✉️ " + e));
        lead.stoppedAt().ifPresent(stop -> out.add("⏸ Замолчал на вопросе: " + stop.question()));
        lead.completes().ifPresent(id -> out.add("✅ Дополняет неполную заявку " + id));
        out.add("📍 Источник: " + lead.source().orElse("прямой заход"));
        out.add("📝 Ответы:");
        for (Answer answer : lead.answers()) {
            String question = asked.apply(answer).replaceFirst("\\.$", "");
            out.add("• " + question + (question.endsWith("?") ? " " : ": ") + answer.label());
        }
        if (!lead.tags().isEmpty()) {
            out.add("🏷 Теги: " + String.join(", ", lead.tags()));
        }
        if (!lead.partial()) {
            // a partial lead's time is mostly the silence that made it one: not worth showing
            out.add("⏱ Заполнено за " + duration(lead.timeToComplete()));
        }
        out.add("🆔 " + lead.id());
        return out.toString();
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        return minutes > 0 ? minutes + " мин " + seconds + " с" : seconds + " с";
    }
}
