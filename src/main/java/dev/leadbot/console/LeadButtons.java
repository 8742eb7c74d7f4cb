package dev.leadbot.console;

import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The buttons under a lead's summary in the owner chats and the line saying what became of it: "🙋 Беру"
 * while nobody has it, then "✅ Сделка" and "❌ Не лид", then none; "💬 Написать" (talk to the prospect) always. In a message of several summaries
 * each button names its lead.
 */
public final class LeadButtons {

    /** The most buttons {@link #rows} gives one lead (a taken one: the deal, not a lead, write). */
    public static final int MOST_BUTTONS = 3;

    /** A manager's name is cut to this many characters, so the status line fits the room kept for it. */
    private static final int NAME_WIDTH = 48;

    private final DateTimeFormatter time;

    public LeadButtons(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(zone);
    }

    /** @param named whether the buttons must say which lead they are for (the message shows several) */
    public static List<List<ConsoleButton>> rows(Lead lead, Handling handling, boolean named) {
        String suffix = named ? " · " + OwnerConsole.cut(OwnerConsole.name(lead), 16) : "";
        ConsoleButton write = new ConsoleButton("💬 Написать" + suffix, new ConsoleButton.Press(ConsoleButton.Action.WRITE, lead.id()));
        return switch (handling.status()) {
            case NEW -> List.of(List.of(new ConsoleButton("🙋 Беру" + suffix, new ConsoleButton.Press(ConsoleButton.Action.TAKE, lead.id())),
                    write));
            case TAKEN -> List.of(List.of(new ConsoleButton("✅ Сделка" + suffix, new ConsoleButton.Press(ConsoleButton.Action.WON, lead.id())),
                    new ConsoleButton("❌ Не лид" + suffix, new ConsoleButton.Press(ConsoleButton.Action.NOT_A_LEAD, lead.id()))), List.of(write));
            case WON, NOT_A_LEAD -> List.of(List.of(write));
        };
    }

    /** "🙋 Взял(а): Иван · 23.11 11:05", "✅ Сделка · Иван · 23.11 12:30"; empty while nobody has taken the lead. */
    public String status(Handling handling) {
        String who = OwnerConsole.cut(handling.manager().orElse("?"), NAME_WIDTH);
        String when = handling.since().map(time::format).orElse("");
        return switch (handling.status()) {
            case NEW -> "";
            case TAKEN -> "🙋 Взял(а): " + who + " · " + when;
            case WON -> "✅ Сделка · " + who + " · " + when;
            case NOT_A_LEAD -> "❌ Не лид · " + who + " · " + when;
        };
    }
}
