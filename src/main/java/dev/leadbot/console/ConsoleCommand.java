package dev.leadbot.console;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A command an owner types in their chat with the bot. Only owner chats ever get one answered: for
 * anyone else the same text is just a command the bot does not know.
 */
public sealed interface ConsoleCommand {

    /** How many leads {@code /leads} shows unless told otherwise, and at most. */
    int DEFAULT_LATEST = 10;
    int MOST_LATEST = 30;

    /** {@code /help}: every owner command. */
    record Help() implements ConsoleCommand {
    }

    /** {@code /leads [N|today|hot]}: the latest leads, one line each. */
    record Leads(Selection selection) implements ConsoleCommand {
    }

    /** {@code /lead ID}: one lead's full summary; {@code idStart} is the whole id or its first characters. */
    record ShowLead(String idStart) implements ConsoleCommand {
    }

    /** {@code /export [7d]}: the leads as the CSV {@code leads --format csv} writes; no period means all of them. */
    record Export(Optional<Duration> period) implements ConsoleCommand {
    }

    /** {@code /stats [7d|24h]}: the funnel as a chart; the period as written, read where the chart is drawn. */
    record Stats(Optional<String> period) implements ConsoleCommand {
    }

    /** {@code /reload}: read the flow file again and switch to it if it is valid. */
    record Reload() implements ConsoleCommand {
    }

    /** {@code /close}: end the conversation this owner chat holds with a prospect. */
    record Close() implements ConsoleCommand {
    }

    /** An owner command written wrong: the answer is how to write it. */
    record Misspelt(String usage) implements ConsoleCommand {
    }

    /** Which leads {@code /leads} lists. */
    sealed interface Selection {
        /** The last {@code count} leads. */
        record Latest(int count) implements Selection {
        }

        /** The leads completed since midnight where the owner is. */
        record Today() implements Selection {
        }

        /** The latest leads tagged hot. */
        record Hot() implements Selection {
        }
    }

    String LEADS_USAGE = "Так: /leads — последние " + DEFAULT_LATEST + ", /leads 20 — последние 20 (до " + MOST_LATEST
            + "), /leads today — за сегодня, /leads hot — горячие.";
    /** How much of a lead's id {@link #showLead} writes: enough for /lead to tell leads apart, as in /leads. */
    int SHORT_ID = 8;

    String LEAD_USAGE = "Так: /lead ID — номер лида из /leads (достаточно первых 8 символов).";
    String EXPORT_USAGE = "Так: /export — все лиды, /export 7d — за 7 дней, /export 24h — за сутки.";

    /**
     * {@code /lead_ID} with the start of the lead's id: Telegram shows it as a command a tap sends, so a lead in a message of
     * several opens in full with one tap (a command cannot carry an argument after a space and still be one tap).
     */
    static String showLead(String leadId) {
        return "/lead_" + leadId.substring(0, Math.min(SHORT_ID, leadId.length()));
    }

    /**
     * The owner command {@code text} is, or empty when it is none (then it is a prospect's message
     * or command). A command may name the bot it is meant for: {@code /leads@my_bot 5}.
     */
    static Optional<ConsoleCommand> parse(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String command = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        String argument = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
        Optional<String> raw = parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty();
        return Optional.ofNullable(switch (command) {
            case "/help" -> new Help();
            case "/stats" -> new Stats(raw);
            case "/reload" -> new Reload();
            case "/close" -> new Close();
            case "/leads" -> leads(argument);
            case "/lead" -> argument.matches("[0-9a-f-]{4,36}") ? new ShowLead(argument) : new Misspelt(LEAD_USAGE);
            case "/export" -> argument.isEmpty() ? new Export(Optional.empty())
                    : Periods.parse(argument).<ConsoleCommand>map(p -> new Export(Optional.of(p))).orElse(new Misspelt(EXPORT_USAGE));
            default -> command.matches("/lead_[0-9a-f]{4,32}") && raw.isEmpty() ? new ShowLead(command.substring("/lead_".length())) : null;
        });
    }

    private static ConsoleCommand leads(String argument) {
        if (argument.isEmpty()) {
            return new Leads(new Selection.Latest(DEFAULT_LATEST));
        }
        if (argument.equals("today") || argument.equals("сегодня")) {
            return new Leads(new Selection.Today());
        }
        if (argument.equals("hot") || argument.equals("горячие")) {
            return new Leads(new Selection.Hot());
        }
        if (argument.matches("\\d{1,3}") && Integer.parseInt(argument) >= 1 && Integer.parseInt(argument) <= MOST_LATEST) {
            return new Leads(new Selection.Latest(Integer.parseInt(argument)));
        }
        return new Misspelt(LEADS_USAGE);
    }
}
