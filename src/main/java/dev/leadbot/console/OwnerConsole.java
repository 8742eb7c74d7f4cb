package dev.leadbot.console;

import dev.leadbot.language.Plurals;
import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.store.Store;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an owner's commands and buttons from the store: lists of leads, one lead, the CSV. Decides
 * what to say; the Telegram adapter renders and sends it. Reads only, so an answer lost to a crash is
 * simply asked for again.
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
    static final String GONE = "Этого лида больше нет: его данные удалены по просьбе клиента.";

    private final Store store;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final LeadButtons buttons;

    /** @param zone where the owner is: "today" starts at its midnight, and times are shown in it */
    public OwnerConsole(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(zone);
        this.buttons = new LeadButtons(zone);
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
     * A press of a console button in an owner chat by {@code manager} (their name in Telegram). The first reply is
     * always the {@link ConsoleReply.Notice} that answers the press.
     */
    public List<ConsoleReply> press(String manager, ConsoleButton.Press press, Instant now) {
        try {
            return switch (press.action()) {
                case OPEN -> open(press.leadId());
                case TAKE -> move(press.leadId(), Handling.Status.NEW, new Handling(Handling.Status.TAKEN, Optional.of(manager),
                        Optional.of(now)));
                case WON, NOT_A_LEAD -> close(press, now);
                // They change a conversation with a prospect, committed with the press: the chat's own lane decides them.
                case WRITE, CLOSE -> throw new IllegalArgumentException("a conversation button is not the console's: " + press.data());
            };
        } catch (StoreException e) {
            LOG.error("owner button {} could not read the store: {}", press.data(), e.getMessage());
            return List.of(new ConsoleReply.Notice(UNREADABLE));
        }
    }

    private List<ConsoleReply> open(String leadId) throws StoreException {
        Optional<Lead> found = store.lead(leadId);
        return found.isEmpty() ? List.of(new ConsoleReply.Notice(GONE)) : List.of(new ConsoleReply.Notice(""), new ConsoleReply.Summary(found.get()));
    }

    /** A deal or not a lead: only once taken; the manager who took it stays its manager. */
    private List<ConsoleReply> close(ConsoleButton.Press press, Instant now) throws StoreException {
        Handling current = store.handling(List.of(press.leadId())).get(press.leadId());
        Handling.Status next = press.action() == ConsoleButton.Action.WON ? Handling.Status.WON : Handling.Status.NOT_A_LEAD;
        return move(press.leadId(), Handling.Status.TAKEN, new Handling(next, current.manager(), Optional.of(now)));
    }

    private List<ConsoleReply> move(String leadId, Handling.Status expected, Handling next) throws StoreException {
        Optional<Store.Move> move = store.moveLead(leadId, expected, next);
        if (move.isEmpty()) {
            return List.of(new ConsoleReply.Notice(GONE));
        }
        Handling now = move.get().handling();
        String notice;
        if (move.get().moved()) {
            notice = switch (next.status()) {
                case TAKEN -> "Лид ваш. Когда будет ясно — «✅ Сделка» или «❌ Не лид».";
                case WON -> "Отмечено: сделка 🎉";
                default -> "Отмечено: не лид.";
            };
        } else if (now.status() == Handling.Status.TAKEN && expected == Handling.Status.NEW) {
            notice = "Уже взял(а) " + now.manager().orElse("другой менеджер") + now.since().map(t -> " в " + time.format(t)).orElse("")
                    + ".";
        } else {
            notice = "Статус уже другой: " + now.status().russian() + now.manager().map(m -> " (" + m + ")").orElse("") + ".";
        }
        // Every owner chat's copy of the summary shows the lead as it stands now, also after a lost race (a stale view).
        return List.of(new ConsoleReply.Notice(notice), new ConsoleReply.Refresh(shown(leadId)));
    }

    /** Every owner-chat message that shows the lead, as it must look now. */
    private List<ConsoleReply.ShownSummary> shown(String leadId) throws StoreException {
        List<ConsoleReply.ShownSummary> shown = new ArrayList<>();
        for (Store.OwnerMessage message : store.ownerMessagesShowing(leadId)) {
            Map<String, Handling> handling = store.handling(message.leadIds());
            List<ConsoleReply.ShownLead> leads = new ArrayList<>();
            for (String id : message.leadIds()) {
                Optional<Lead> lead = store.lead(id);
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
            leads = store.latestLeads(latest.count());
            title = "Последние лиды";
            none = "Лидов пока нет.";
        } else if (selection instanceof ConsoleCommand.Selection.Today) {
            Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
            List<Lead> today = new ArrayList<>(store.leads(midnight));
            today.sort(Comparator.comparing(Lead::completedAt).reversed());
            title = "Лиды за сегодня: " + today.size() + (today.size() > ConsoleCommand.MOST_LATEST
                    ? ", последние " + ConsoleCommand.MOST_LATEST : "");
            leads = today.subList(0, Math.min(today.size(), ConsoleCommand.MOST_LATEST));
            none = "Сегодня лидов нет.";
        } else {
            leads = store.latestLeads(HOT_SCAN).stream().filter(lead -> lead.tags().contains("hot"))
                    .limit(ConsoleCommand.DEFAULT_LATEST).toList();
            title = "Горячие лиды";
            none = "Горячих лидов нет.";
        }
        if (leads.isEmpty()) {
            return new ConsoleReply.Text(none);
        }
        StringBuilder text = new StringBuilder(title).append(':');
        List<List<ConsoleButton>> rows = new ArrayList<>();
        Map<String, Handling> handling = store.handling(leads.stream().map(Lead::id).toList());
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

    /** One lead in a line: who, which way they went, how hot, what became of it, when, and the start of its id for /lead. */
    private String line(Lead lead, Handling handling) {
        return cut(name(lead), NAME_WIDTH) + " · " + cut(path(lead), PATH_WIDTH) + " · " + Plurals.of("ru", lead.score(), "балл", "балла", "баллов")
                + (lead.tags().contains("hot") ? " 🔥" : "") + " · " + handling.status().russian()
                + handling.manager().map(m -> " (" + cut(m, NAME_WIDTH) + ")").orElse("") + " · " + time.format(lead.completedAt())
                + " · " + lead.id().substring(0, 8);
    }

    private ConsoleReply show(String idStart) throws StoreException {
        List<Lead> found = store.leadsWithIdStarting(idStart, 2);
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
        List<Lead> leads = store.leads(since);
        String span = period.map(p -> p.toHours() % 24 == 0 ? " за " + p.toDays() + " дн." : " за " + p.toHours() + " ч").orElse("");
        if (leads.isEmpty()) {
            return new ConsoleReply.Text("Лидов" + span + " нет, выгружать нечего.");
        }
        String file = "leads-" + LocalDate.ofInstant(now, zone) + ".csv";
        return new ConsoleReply.Document(file, CsvExport.of(leads, store.handling(leads.stream().map(Lead::id).toList())).getBytes(StandardCharsets.UTF_8),
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

    static String cut(String text, int width) {
        return text.codePointCount(0, text.length()) <= width ? text
                : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
