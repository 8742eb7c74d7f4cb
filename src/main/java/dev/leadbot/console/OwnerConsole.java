package dev.leadbot.console;

import dev.leadbot.language.Plurals;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.LeadMove;
import dev.leadbot.store.LeadStore;
import dev.leadbot.store.OwnerMessageStore;
import dev.leadbot.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an owner's commands and buttons from the store: lists of leads, one lead, the CSV, and what a
 * claim or status press asks of a lead. Decides what to say; the Telegram adapter renders and sends it.
 * Reads only: a press's move is committed with its update by the adapter, so a crash never loses it, and
 * an answer lost to a crash is simply asked for again.
 */
public final class OwnerConsole {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerConsole.class);
    /** How many of the newest leads /leads hot looks through. */
    private static final int HOT_SCAN = 500;
    private static final int NAME_WIDTH = 32;
    private static final int PATH_WIDTH = 40;
    /** Telegram's 4,096 characters for a message, less room for the "and N more" line. */
    private static final int LIST_ROOM = 4000;
    static final String UNREADABLE = "Не удалось прочитать лиды; подробности в журнале бота.";
    /** The answer to an owner chat's press of console data that does not parse (an old client, a mangled button). */
    public static final String BROKEN_BUTTON = "Эта кнопка не работает; список лидов — /leads";
    static final String GONE = "Этого лида больше нет: его данные удалены по просьбе клиента.";

    private final LeadStore leadStore;
    private final OwnerMessageStore ownerMessages;
    private final Supplier<ZoneId> zone;

    /** @param zone where the owner is: "today" starts at its midnight, and times are shown in it */
    public OwnerConsole(LeadStore leads, OwnerMessageStore ownerMessages, ZoneId zone) {
        this(leads, ownerMessages, () -> zone);
    }

    /** @param zone where the owner is, asked at each answer: a /reload of a flow naming another zone changes it */
    public OwnerConsole(LeadStore leads, OwnerMessageStore ownerMessages, Supplier<ZoneId> zone) {
        this.leadStore = leads;
        this.ownerMessages = ownerMessages;
        this.zone = zone;
    }

    private DateTimeFormatter time() {
        return DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(zone.get());
    }

    public List<ConsoleReply> answer(ConsoleCommand command, Instant now) {
        try {
            if (command instanceof ConsoleCommand.Help) {
                return List.of(new ConsoleReply.Text(OwnerMenu.HELP));
            }
            if (command instanceof ConsoleCommand.Leads leads) {
                return List.of(list(leads.selection(), now));
            }
            if (command instanceof ConsoleCommand.ShowLead show) {
                return List.of(show(show.idStart()));
            }
            if (command instanceof ConsoleCommand.Export export) {
                return List.of(export(export.period(), now));
            }
            return List.of(new ConsoleReply.Text(((ConsoleCommand.Misspelt) command).usage()));
        } catch (StoreException e) {
            LOG.error("owner command {} could not read the store: {}", command, e.getMessage());
            return List.of(new ConsoleReply.Text(UNREADABLE));
        }
    }

    /**
     * What a press of "🙋 Беру", "✅ Сделка" or "❌ Не лид" by {@code manager} (their name in Telegram) asks of the lead,
     * committed with the press's update; empty for any other button. A deal or not a lead only once taken, and the
     * manager who took it stays its manager.
     */
    public static Optional<LeadMove> move(ConsoleButton.Press press, String manager, Instant now) {
        return switch (press.action()) {
            case TAKE -> Optional.of(new LeadMove(press.leadId(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN,
                    Optional.of(manager), Optional.of(now))));
            case WON -> Optional.of(new LeadMove(press.leadId(), Handling.Status.TAKEN, new Handling(Handling.Status.WON, Optional.empty(),
                    Optional.of(now))));
            case NOT_A_LEAD -> Optional.of(new LeadMove(press.leadId(), Handling.Status.TAKEN, new Handling(Handling.Status.NOT_A_LEAD,
                    Optional.empty(), Optional.of(now))));
            case OPEN, WRITE, CLOSE -> Optional.empty();
        };
    }

    /**
     * A press that only reads: "open" under a line of /leads. The first reply is always the {@link ConsoleReply.Notice}
     * that answers the press.
     */
    public List<ConsoleReply> press(ConsoleButton.Press press) {
        if (press.action() != ConsoleButton.Action.OPEN) {
            throw new IllegalArgumentException("this button changes something, committed with its update: " + press.data());
        }
        try {
            Optional<Lead> found = leadStore.lead(press.leadId());
            return found.isEmpty() ? List.of(new ConsoleReply.Notice(GONE))
                    : List.of(new ConsoleReply.Notice(""), new ConsoleReply.Summary(found.get()));
        } catch (StoreException e) {
            LOG.error("owner button {} could not read the store: {}", press.data(), e.getMessage());
            return List.of(new ConsoleReply.Notice(UNREADABLE));
        }
    }

    /**
     * What the owner chats are shown once a press's {@code move} is committed: the answer to the press (the first reply,
     * a {@link ConsoleReply.Notice}: the lead is theirs, or who was first), then every owner chat's summary of the lead as
     * it stands now, also after a lost race (a stale view).
     *
     * @param outcome how the commit moved it; empty when the lead is gone
     */
    public List<ConsoleReply> moved(LeadMove move, Optional<LeadStore.Move> outcome) {
        if (outcome.isEmpty()) {
            return List.of(new ConsoleReply.Notice(GONE));
        }
        Handling now = outcome.get().handling();
        // Pressed again after a crash kept the answer from them: already where this press would take it, by this manager.
        boolean already = now.status() == move.next().status() && move.next().manager().map(m -> now.manager().equals(Optional.of(m)))
                .orElse(true);
        String notice;
        if (outcome.get().moved() || already) {
            notice = switch (move.next().status()) {
                case TAKEN -> "Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид».";
                case WON -> "Отмечено: сделка 🎉";
                default -> "Отмечено: не лид.";
            };
        } else if (now.status() == Handling.Status.TAKEN && move.expected() == Handling.Status.NEW) {
            notice = "Уже взял(а) " + now.manager().orElse("другой менеджер") + now.since().map(t -> " в " + time().format(t)).orElse("")
                    + ".";
        } else {
            notice = "Статус уже другой: " + now.status().russian() + now.manager().map(m -> " (" + m + ")").orElse("") + ".";
        }
        try {
            return List.of(new ConsoleReply.Notice(notice), new ConsoleReply.Refresh(shown(move.leadId())));
        } catch (StoreException e) {
            LOG.error("lead {} moved to {}, but the summaries showing it could not be read: {}", move.leadId(), now.status(),
                    e.getMessage());
            return List.of(new ConsoleReply.Notice(notice));
        }
    }

    /** Every owner-chat message that shows the lead, as it must look now. */
    private List<ConsoleReply.ShownSummary> shown(String leadId) throws StoreException {
        List<ConsoleReply.ShownSummary> shown = new ArrayList<>();
        LeadButtons buttons = new LeadButtons(zone.get());
        for (OwnerMessageStore.OwnerMessage message : ownerMessages.showing(leadId)) {
            Map<String, Handling> handling = leadStore.handling(message.leadIds());
            List<ConsoleReply.ShownLead> leads = new ArrayList<>();
            for (String id : message.leadIds()) {
                Optional<Lead> lead = leadStore.lead(id);
                if (lead.isPresent()) {
                    leads.add(new ConsoleReply.ShownLead(lead.get(), buttons.status(handling.get(id)),
                            LeadButtons.rows(lead.get(), handling.get(id), message.leadIds().size() > 1)));
                }
            }
            shown.add(new ConsoleReply.ShownSummary(message.chatId(), message.messageId(), leads));
        }
        return shown;
    }

    private ConsoleReply list(ConsoleCommand.Selection selection, Instant now) throws StoreException {
        List<Lead> leads;
        String title;
        String none;
        if (selection instanceof ConsoleCommand.Selection.Latest latest) {
            leads = leadStore.latest(latest.count());
            title = "Последние лиды";
            none = "Лидов пока нет.";
        } else if (selection instanceof ConsoleCommand.Selection.Today) {
            ZoneId here = zone.get();
            Instant midnight = LocalDate.ofInstant(now, here).atStartOfDay(here).toInstant();
            List<Lead> today = new ArrayList<>(leadStore.completedSince(midnight));
            today.sort(Comparator.comparing(Lead::completedAt).reversed());
            title = "Лиды за сегодня: " + today.size() + (today.size() > ConsoleCommand.MOST_LATEST
                    ? ", последние " + ConsoleCommand.MOST_LATEST : "");
            leads = today.subList(0, Math.min(today.size(), ConsoleCommand.MOST_LATEST));
            none = "Сегодня лидов нет.";
        } else {
            leads = leadStore.latest(HOT_SCAN).stream().filter(lead -> lead.tags().contains("hot"))
                    .limit(ConsoleCommand.DEFAULT_LATEST).toList();
            title = "Горячие лиды";
            none = "Горячих лидов нет.";
        }
        if (leads.isEmpty()) {
            return new ConsoleReply.Text(none);
        }
        StringBuilder text = new StringBuilder(title).append(':');
        List<List<ConsoleButton>> rows = new ArrayList<>();
        Map<String, Handling> handling = leadStore.handling(leads.stream().map(Lead::id).toList());
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            String line = (i + 1) + ". " + line(lead, handling.get(lead.id()));
            if (text.length() + 1 + line.length() > LIST_ROOM) {
                int rest = leads.size() - i;
                text.append("\n… и ещё ").append(Plurals.of("ru", rest, "лид", "лида", "лидов")).append(": все — в /export");
                break;
            }
            text.append('\n').append(line);
            rows.add(List.of(new ConsoleButton((i + 1) + ". " + cut(name(lead), NAME_WIDTH),
                    new ConsoleButton.Press(ConsoleButton.Action.OPEN, lead.id()))));
        }
        return new ConsoleReply.Text(text.toString(), rows);
    }

    /**
     * One lead in a line: partial or not, who, which way they went, how hot, what became of it, when, the partial
     * lead it completes, and the start of its id for /lead.
     */
    private String line(Lead lead, Handling handling) {
        return (lead.partial() ? "⏸ неполная · " : "") + cut(name(lead), NAME_WIDTH) + " · " + cut(path(lead), PATH_WIDTH) + " · " + Plurals.of("ru", lead.score(), "балл", "балла", "баллов")
                + (lead.tags().contains("hot") ? " 🔥" : "") + " · " + handling.status().russian()
                + handling.manager().map(m -> " (" + cut(m, NAME_WIDTH) + ")").orElse("") + " · " + time().format(lead.completedAt())
                + lead.completes().map(id -> " · дополняет " + id.substring(0, Math.min(8, id.length()))).orElse("") + " · " + lead.id().substring(0, 8);
    }

    private ConsoleReply show(String idStart) throws StoreException {
        List<Lead> found = leadStore.withIdStarting(idStart, 2);
        if (found.isEmpty()) {
            return new ConsoleReply.Text("Лида " + idStart + " нет. Номера — в /leads.");
        }
        if (found.size() > 1) {
            return new ConsoleReply.Text("Номер " + idStart + " подходит к нескольким лидам; напишите больше символов.");
        }
        return new ConsoleReply.Summary(found.get(0));
    }

    private ConsoleReply export(Optional<Duration> period, Instant now) throws StoreException {
        Instant since = period.map(now::minus).orElse(Instant.EPOCH);
        List<Lead> leads = leadStore.completedSince(since);
        String span = period.map(p -> p.toHours() % 24 == 0 ? " за " + p.toDays() + " дн." : " за " + p.toHours() + " ч").orElse("");
        if (leads.isEmpty()) {
            return new ConsoleReply.Text("Лидов" + span + " нет, выгружать нечего.");
        }
        String file = "leads-" + LocalDate.ofInstant(now, zone.get()) + ".csv";
        return new ConsoleReply.Document(file, CsvExport.of(leads, leadStore.handling(leads.stream().map(Lead::id).toList())).getBytes(StandardCharsets.UTF_8),
                Plurals.of("ru", leads.size(), "лид", "лида", "лидов") + span + " · CSV для Excel (UTF-8)");
    }

    /** The lead's prospect as the owner chats show them: the name they gave, else their name in Telegram. */
    public static String name(Lead lead) {
        String telegram = lead.prospect().fullName().isBlank() ? lead.prospect().username().map(u -> "@" + u).orElse("без имени")
                : lead.prospect().fullName();
        return lead.contact().name().filter(n -> !n.isBlank()).orElse(telegram);
    }

    /** The first answer: in a branching flow, the choice that picked the path (in the customer's flow, the role). */
    private static String path(Lead lead) {
        return lead.answers().stream().findFirst().map(Answer::label).orElse("—");
    }

    /** {@code text} if it has at most {@code width} characters, else its start and "…" in that many. */
    public static String cut(String text, int width) {
        return text.codePointCount(0, text.length()) <= width ? text
                : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
