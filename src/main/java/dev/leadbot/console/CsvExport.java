package dev.leadbot.console;

import dev.leadbot.lead.Answer;
import dev.leadbot.lead.Handling;
import dev.leadbot.lead.Lead;
import dev.leadbot.lead.Stop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Leads as CSV that Excel opens right: UTF-8 with a byte-order mark (or Cyrillic turns to
 * mojibake), CRLF line ends, RFC 4180 quoting, and one column per question.
 */
public final class CsvExport {

    public static final String BOM = "\uFEFF";
    private static final List<String> FIXED = List.of("id", "completed_at", "chat_id", "user_id", "username", "first_name", "last_name",
            "name", "phone", "email", "source", "score", "tags", "path", "stage", "stopped_at", "completes", "status", "manager", "status_at");

    /** What Excel, LibreOffice and Google Sheets start a formula with. */
    private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
    /** A phone number or a signed number starts with + or - and is no formula: it stays as it is. */
    private static final Pattern NUMBER_OR_PHONE = Pattern.compile("[+-][0-9][0-9 ().-]*");

    private CsvExport() {
    }

    /** @param handling what the team did with each lead (a lead missing here counts as new) */
    public static String of(List<Lead> leads, Map<String, Handling> handling) {
        Set<String> variables = new LinkedHashSet<>();
        leads.forEach(lead -> lead.answers().forEach(answer -> variables.add(answer.variable())));
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(FIXED);
        // An answer saved under a name a fixed column has (a "phone" question) is told apart, so every column name is unique.
        variables.forEach(variable -> header.add(FIXED.contains(variable) ? variable + " (answer)" : variable));
        row(out, header);
        for (Lead lead : leads) {
            List<String> cells = new ArrayList<>(List.of(lead.id(), lead.completedAt().toString(), String.valueOf(lead.prospect().chatId()),
                    String.valueOf(lead.prospect().userId()), or(lead.prospect().username()), lead.prospect().firstName(),
                    or(lead.prospect().lastName()), or(lead.contact().name()), or(lead.contact().phone()), or(lead.contact().email()),
                    or(lead.source()), String.valueOf(lead.score()), String.join(", ", lead.tags()), String.join(" → ", lead.path()),
                    lead.partial() ? "partial" : "complete", or(lead.stoppedAt().map(Stop::question)), or(lead.completes())));
            Handling done = handling.getOrDefault(lead.id(), Handling.NEW);
            cells.addAll(List.of(done.status().russian(), or(done.manager()), done.since().map(Object::toString).orElse("")));
            for (String variable : variables) {
                cells.add(lead.answer(variable).map(Answer::label).orElse(""));
            }
            row(out, cells);
        }
        return out.toString();
    }

    /** One CRLF-ended row of quoted cells. */
    public static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * Quotes a cell when it holds a comma, a quote or a line break, doubling its quotes. A cell a
     * spreadsheet would run as a formula (a prospect who types {@code =HYPERLINK(…)} as their name)
     * gets a leading apostrophe, so Excel shows it as text (OWASP "CSV Injection").
     */
    static String quoted(String cell) {
        String safe = FORMULA.matcher(cell).lookingAt() && !NUMBER_OR_PHONE.matcher(cell).matches() ? "'" + cell : cell;
        boolean needs = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String or(Optional<String> value) {
        return value.orElse("");
    }
}
