package dev.leadbot.console;

import dev.leadbot.lead.Answer;
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
    static final String UNREADABLE = "Не удалось прочитать лиды; подробности в журнале бота.";

    private final Store store;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    /** @param zone where the owner is: "today" starts at its midnight, and times are shown in it */
    public OwnerConsole(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(zone);
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

    public List<ConsoleReply> press(ConsoleButton.Press press) {
        try {
            // OPEN is the only action so far; a lead deleted at its prospect's request is gone for the owner too.
            List<Lead> found = store.leadsWithIdStarting(press.leadId(), 1);
            return List.of(found.isEmpty() ? new ConsoleReply.Text("Этого лида больше нет: его данные удалены по просьбе клиента.")
                    : new ConsoleReply.Summary(found.get(0)));
        } catch (StoreException e) {
            LOG.error("owner button {} could not read the store: {}", press.data(), e.getMessage());
            return List.of(new ConsoleReply.Text(UNREADABLE));
        }
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
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            text.append('\n').append(i + 1).append(". ").append(line(lead));
            rows.add(List.of(new ConsoleButton((i + 1) + ". " + cut(name(lead), NAME_WIDTH),
                    new ConsoleButton.Press(ConsoleButton.Action.OPEN, lead.id()))));
        }
        return new ConsoleReply.Text(text.toString(), rows);
    }

    /** One lead in a line: who, which way they went, how hot, when, and the start of its id for /lead. */
    String line(Lead lead) {
        return cut(name(lead), NAME_WIDTH) + " · " + cut(path(lead), PATH_WIDTH) + " · " + lead.score() + " балл."
                + (lead.tags().contains("hot") ? " 🔥" : "") + " · " + time.format(lead.completedAt()) + " · " + lead.id().substring(0, 8);
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
        return new ConsoleReply.Document(file, CsvExport.of(leads).getBytes(StandardCharsets.UTF_8),
                leads.size() + " " + plural(leads.size()) + span + " · CSV для Excel (UTF-8)");
    }

    private static String name(Lead lead) {
        String telegram = lead.prospect().fullName().isBlank() ? lead.prospect().username().map(u -> "@" + u).orElse("без имени")
                : lead.prospect().fullName();
        return lead.contact().name().filter(n -> !n.isBlank()).orElse(telegram);
    }

    /** The first answer: in a branching flow, the choice that picked the path (in the customer's flow, the role). */
    private static String path(Lead lead) {
        return lead.answers().stream().findFirst().map(Answer::label).orElse("—");
    }

    private static String plural(int count) {
        int tens = count % 100;
        int ones = count % 10;
        if (tens >= 11 && tens <= 14 || ones == 0 || ones >= 5) {
            return "лидов";
        }
        return ones == 1 ? "лид" : "лида";
    }

    private static String cut(String text, int width) {
        return text.codePointCount(0, text.length()) <= width ? text
                : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
