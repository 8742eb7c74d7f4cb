package dev.leadbot.sink.catalog;

import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkProblem;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.amocrm.AmoCrmSink;
import dev.leadbot.sink.bitrix24.Bitrix24Sink;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.retailcrm.RetailCrmSink;
import dev.leadbot.sink.sheets.GoogleSheetsSink;
import dev.leadbot.sink.webhook.WebhookSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every sink type leadbot knows, by the {@code type:} written in {@code leadbot.yaml}. */
public final class SinkCatalog {

    public static final List<String> TYPES = List.of("amocrm", "kommo", "bitrix24", "retailcrm", "google_sheets", "webhook");

    private SinkCatalog() {
    }

    /**
     * Builds every declared sink, or reports every problem of every one of them at once.
     *
     * @param reserved names the built-in sinks use (the leads file, the owner chats)
     */
    public static List<LeadSink> create(List<SinkSettings> declared, Set<String> reserved, HttpSetup http, Clock clock)
            throws InvalidSinkException {
        List<LeadSink> sinks = new ArrayList<>();
        List<SinkProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>(reserved);
        for (SinkSettings settings : declared) {
            if (!names.add(settings.name()) || settings.name().startsWith("owner-telegram")) {
                problems.add(new SinkProblem(settings.where(), "sink name '" + settings.name() + "' is taken; give each sink its own"
                        + " 'name:' (it names the sink's deliveries in the database)"));
                continue;
            }
            try {
                sinks.add(create(settings, http, clock));
            } catch (InvalidSinkException e) {
                problems.addAll(e.placed());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSinkException(problems);
        }
        return sinks;
    }

    private static LeadSink create(SinkSettings settings, HttpSetup http, Clock clock) throws InvalidSinkException {
        switch (settings.type()) {
            case "amocrm":
            case "kommo":
                return AmoCrmSink.from(settings, http);
            case "bitrix24":
                return Bitrix24Sink.from(settings, http);
            case "retailcrm":
                return RetailCrmSink.from(settings, http);
            case "google_sheets":
                return GoogleSheetsSink.from(settings, http);
            case "webhook":
                return WebhookSink.from(settings, http.calls(), clock);
            default:
                throw new InvalidSinkException(List.of(new SinkProblem(settings.where(), "unknown sink type '" + settings.type()
                        + "'; write one of " + String.join(", ", TYPES))));
        }
    }
}
