package dev.leadbot.sink;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Stop;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values a sink's field mapping can name: the lead's own fields ({@code name}, {@code phone},
 * {@code email}, {@code telegram}, {@code source}, {@code score}, {@code tags}, {@code lead_id},
 * {@code completed_at}, {@code answers}, {@code stage} …) and any answer by its variable (its label).
 */
public final class LeadFields {

    /** The lead's own fields, for documentation and for checking a mapping. */
    public static final List<String> BUILT_IN = List.of("lead_id", "name", "first_name", "last_name", "phone", "email", "telegram",
            "chat_id", "source", "score", "tags", "flow", "completed_at", "answers", "stage", "stopped_at", "completes");

    private LeadFields() {
    }

    /** The value of {@code field} in {@code lead}; empty when the lead has none. */
    public static Optional<String> value(Lead lead, String field) {
        return switch (field) {
            case "lead_id" -> Optional.of(lead.id());
            case "name" -> Optional.of(name(lead));
            case "first_name" -> Optional.of(firstName(lead));
            case "last_name" -> lastName(lead);
            case "phone" -> lead.contact().phone();
            case "email" -> lead.contact().email();
            case "telegram" -> Optional.of(lead.prospect().username().map(u -> "@" + u).orElse(lead.prospect().fullName()));
            case "chat_id" -> Optional.of(String.valueOf(lead.prospect().chatId()));
            case "source" -> lead.source();
            case "score" -> Optional.of(String.valueOf(lead.score()));
            case "tags" -> Optional.of(String.join(", ", lead.tags())).filter(t -> !t.isEmpty());
            case "flow" -> Optional.of(lead.flow());
            case "completed_at" -> Optional.of(lead.completedAt().toString());
            case "answers" -> Optional.of(answers(lead));
            case "stage" -> Optional.of(lead.partial() ? "partial" : "complete");
            case "stopped_at" -> lead.stoppedAt().map(Stop::question);
            case "completes" -> lead.completes();
            default -> lead.answer(field).map(Answer::label);
        };
    }

    /**
     * What a person must know about the lead's completeness, as one line for a CRM's comment or
     * note: a partial lead and where its prospect stopped, or the partial lead a complete one
     * completes; empty for an ordinary complete lead.
     */
    public static Optional<String> stage(Lead lead) {
        return lead.stoppedAt().map(stop -> "⏸ Неполная заявка: клиент замолчал на вопросе «" + stop.question() + "»")
                .or(() -> lead.completes().map(id -> "✅ Дополняет неполную заявку " + id));
    }

    /** The name the prospect gave, else their Telegram name. */
    public static String name(Lead lead) {
        return lead.contact().name().orElse(lead.prospect().fullName());
    }

    /** Every answer on its own line, "variable: label", for a CRM's comment or note. */
    public static String answers(Lead lead) {
        return lead.answers().stream().map(a -> a.variable() + ": " + a.label()).collect(Collectors.joining("\n"));
    }

    private static String firstName(Lead lead) {
        String name = name(lead);
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static Optional<String> lastName(Lead lead) {
        String name = name(lead);
        int space = name.indexOf(' ');
        return space < 0 ? Optional.empty() : Optional.of(name.substring(space + 1).strip());
    }
}
