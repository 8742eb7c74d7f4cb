package dev.leadbot.cli;

import dev.leadbot.config.Settings;
import dev.leadbot.console.CsvExport;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.LeadJson;
import dev.leadbot.store.Database;
import dev.leadbot.store.Deliveries;
import dev.leadbot.store.Store;
import dev.leadbot.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leadbot leads}: the leads in the database, as a table, CSV for Excel, or JSON lines. */
@Command(name = "leads", mixinStandardHelpOptions = true,
        description = {"Lists the leads in the database; works while the bot is running.", "",
                "The table shows each lead's chat id, which 'leadbot forget' takes, and its",
                "lead id, which --retry takes.", ""})
final class LeadsCommand implements Callable<Integer> {

    enum Format { table, csv, jsonl }

    private final Console console;

    @Option(names = "--db", paramLabel = "FILE|URL", description = {"The database: a file, or postgresql://…;",
            "default: the settings' db, else data/leadbot.db"})
    private Optional<Database> db;

    @Mixin
    private ConfigOption config;

    @Mixin
    private Since since;

    @Option(names = "--failed", description = "List the deliveries given up on, with their last error")
    private boolean failed;

    @Option(names = "--retry", paramLabel = "ID|all", description = {"Put the given-up deliveries of one lead (or all)",
            "back in the queue; a running bot sends them within", "a minute"})
    private Optional<String> retry;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = {"table, csv (UTF-8 with BOM, for Excel) or jsonl;", "default: ${DEFAULT-VALUE}"})
    private Format format;

    LeadsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Instant> from = since.from(console);
        if (from.isEmpty()) {
            return 2;
        }
        Optional<Settings> settings = db.isPresent() ? config.loadIfNamed(console) : config.load(console);
        if (settings.isEmpty()) {
            return 2;
        }
        List<Lead> leads;
        Map<String, Handling> handling;
        try (Store store = Store.openForTools(db.orElseGet(() -> settings.get().database()), console.clock())) {
            if (retry.isPresent()) {
                int requeued = store.deliveries().requeue(retry.filter(r -> !r.equalsIgnoreCase("all")));
                console.out().println(Count.of(requeued, "delivery", "deliveries") + " queued again");
                return 0;
            }
            if (failed) {
                List<Deliveries.Dead> dead = store.deliveries().deadDeliveries();
                dead.forEach(d -> console.out().println(d.leadId() + "  " + d.sink() + "  after " + d.attempts() + " attempts: " + d.lastError()));
                console.out().println(Count.of(dead.size(), "failed delivery", "failed deliveries")
                        + (dead.isEmpty() ? "" : "; retry with: leadbot leads --retry ID|all"));
                return 0;
            }
            leads = store.leads().completedSince(from.get());
            handling = store.leads().handling(leads.stream().map(Lead::id).toList());
        } catch (StoreException e) {
            console.err().println(e.getMessage());
            return 1;
        }
        switch (format) {
            case csv -> console.out().print(CsvExport.of(leads, handling));
            case jsonl -> leads.forEach(lead -> console.out().println(LeadJson.toLine(lead)));
            default -> table(leads, handling);
        }
        console.out().flush();
        return 0;
    }

    /**
     * A line per lead, with what the owner's team did with it (taken by whom, a deal, not a lead); the
     * chat id is what 'forget' takes, the lead id what '--retry' takes.
     */
    private void table(List<Lead> leads, Map<String, Handling> handling) {
        console.out().printf("%-16s  %-12s %5s  %-24s %-16s %-18s %-24s %-18s %-24s %s%n", "completed (UTC)", "chat", "score", "name",
                "phone", "source", "tags", "stage", "status", "lead");
        for (Lead lead : leads) {
            Handling done = handling.getOrDefault(lead.id(), Handling.NEW);
            console.out().printf("%-16s  %-12d %5d  %-24s %-16s %-18s %-24s %-18s %-24s %s%n",
                    lead.completedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ').substring(0, 16),
                    lead.prospect().chatId(), lead.score(), cut(lead.contact().name().orElse(lead.prospect().fullName()), 24),
                    lead.contact().phone().orElse(lead.contact().username().map(u -> "@" + u).orElse("")),
                    cut(lead.source().orElse(""), 18), cut(String.join(",", lead.tags()), 24), stage(lead),
                    cut(done.status().english() + done.manager().map(m -> " (" + m + ")").orElse(""), 24), lead.id());
        }
        console.out().println(Count.of(leads.size(), "lead", "leads"));
    }

    /** Partial (stopped before the end), complete, or complete and completing a partial lead (the start of its id). */
    private static String stage(Lead lead) {
        return lead.partial() ? "partial" : lead.completes().map(id -> "completes " + id.substring(0, Math.min(8, id.length()))).orElse("complete");
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
