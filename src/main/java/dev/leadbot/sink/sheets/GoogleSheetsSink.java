package dev.leadbot.sink.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadbot.lead.Lead;
import dev.leadbot.sink.Delivery;
import dev.leadbot.sink.InvalidSinkException;
import dev.leadbot.sink.LeadFields;
import dev.leadbot.sink.LeadSink;
import dev.leadbot.sink.SinkCheck;
import dev.leadbot.sink.SinkSettings;
import dev.leadbot.sink.http.HttpAnswer;
import dev.leadbot.sink.http.HttpCalls;
import dev.leadbot.sink.http.HttpSetup;
import dev.leadbot.sink.http.Outcomes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Google Sheet, without OAuth: the owner deploys the short Apps Script from the README as a web
 * app, and each lead is POSTed to it as one row. The script appends the row unless a row with the
 * lead id is there already, so a retry never doubles a row. Apps Script answers a POST with a 302
 * to a GET-only page holding the script's reply, after the script has run: that page is read with
 * a GET, and the POST is never repeated.
 */
public final class GoogleSheetsSink implements LeadSink {

    static final List<String> DEFAULT_COLUMNS = List.of("completed_at", "lead_id", "name", "phone", "email", "telegram", "source", "score",
            "tags", "answers", "stage");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final Optional<String> token;
    private final String sheet;
    private final List<String> columns;
    private final HttpCalls http;

    GoogleSheetsSink(String name, URI url, Optional<String> token, String sheet, List<String> columns, HttpCalls http) {
        this.name = name;
        this.url = url;
        this.token = token;
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.http = http;
    }

    public static GoogleSheetsSink from(SinkSettings settings, HttpSetup setup) throws InvalidSinkException {
        SinkSettings.Reader reader = settings.reader();
        URI url = reader.url("url", "${SHEETS_WEB_APP_URL}  # https://script.google.com/macros/s/…/exec", false);
        Optional<String> token = reader.optional("token");
        String sheet = reader.optional("sheet").orElse("Leads");
        List<String> columns = reader.optional("columns").map(value -> Arrays.stream(value.split(",")).map(String::strip).toList())
                .orElse(DEFAULT_COLUMNS);
        if (!columns.contains("lead_id")) {
            reader.problem("columns", "'columns' must include lead_id: the script skips a lead whose id is in the sheet already");
        }
        InvalidSinkException.throwIfAny(reader);
        return new GoogleSheetsSink(settings.name(), url, token, sheet, columns, setup.calls());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Lead lead, int attempt) {
        ObjectNode body = JSON.createObjectNode().put("lead_id", lead.id()).put("sheet", sheet);
        token.ifPresent(t -> body.put("token", t));
        ArrayNode header = body.putArray("header");
        columns.forEach(header::add);
        ArrayNode row = body.putArray("row");
        columns.forEach(column -> row.add(LeadFields.value(lead, column).orElse("")));
        HttpAnswer answer = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        Optional<Delivery> failed = Outcomes.transientFailure("the Apps Script", answer);
        if (failed.isPresent()) {
            return failed.get();
        }
        HttpAnswer.Response response = (HttpAnswer.Response) answer;
        if (isRedirect(response)) {
            // The script has run; its reply waits at the redirect's address, for a GET only.
            HttpAnswer reply = echo(response);
            return reply instanceof HttpAnswer.Response r && r.ok() ? outcome(r) : new Delivery.Delivered(Optional.empty());
        }
        if (response.ok()) {
            return outcome(response);
        }
        return new Delivery.Failed("the Apps Script web app answered " + response.status() + ": check the URL, and that the web app is"
                + " deployed to execute as you with access for 'Anyone', then run leadbot leads --retry all");
    }

    @Override
    public SinkCheck check() {
        HttpAnswer answer = http.send(HttpRequest.newBuilder(url).GET());
        if (answer instanceof HttpAnswer.Response response && isRedirect(response)) {
            answer = echo(response);
        }
        if (answer instanceof HttpAnswer.Response response && response.ok() && response.json().path("ok").asBoolean()) {
            return new SinkCheck.Passed("the Apps Script answered from spreadsheet '" + response.json().path("spreadsheet").asText() + "'");
        }
        return new SinkCheck.Failed("the Apps Script web app did not answer as the README's script does: deploy that script as a web app"
                + " (execute as: me, access: Anyone) and put its /exec URL in 'url'");
    }

    private static boolean isRedirect(HttpAnswer.Response response) {
        return response.status() == 302 || response.status() == 303;
    }

    /** Reads, with a GET, the page Apps Script redirected to, which holds the script's reply. */
    private HttpAnswer echo(HttpAnswer.Response redirect) {
        return redirect.headers().firstValue("Location").map(location -> http.send(HttpRequest.newBuilder(URI.create(location)).GET()))
                .orElse(new HttpAnswer.Unreachable("the redirect has no Location"));
    }

    /** The script's own reply: {@code {"ok":true,"row":N}}, {@code {"ok":true,"duplicate":true}} or {@code {"ok":false,"error":…}}. */
    private static Delivery outcome(HttpAnswer.Response response) {
        JsonNode reply = response.json();
        if (reply.path("ok").asBoolean()) {
            return new Delivery.Delivered(reply.has("row") ? Optional.of("row " + reply.path("row").asText()) : Optional.empty());
        }
        if (response.isHtml() || reply.isMissingNode()) {
            return new Delivery.Failed("the Apps Script failed (it answered with a page, not its JSON): open the script, run doPost's"
                    + " errors in Executions, redeploy, then run leadbot leads --retry all");
        }
        return new Delivery.Failed("the Apps Script refused the row: " + reply.path("error").asText() + "; check 'token' and the"
                + " script's TOKEN property, then run leadbot leads --retry all");
    }

}
