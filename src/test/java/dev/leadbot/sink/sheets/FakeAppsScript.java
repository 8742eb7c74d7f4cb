package dev.leadbot.sink.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An Apps Script web app running the README's script, as Google serves it: the script runs on the
 * POST, which is answered with a 302 to a GET-only echo address holding the script's JSON reply.
 * Rows are kept, de-duplicated by lead id as the script does.
 */
final class FakeAppsScript implements AutoCloseable {

    static final String EXEC = "/macros/s/AKfycbTest/exec";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeHttpServer server;
    private final List<JsonNode> rows = new ArrayList<>();
    private final Deque<Reply> failures = new ArrayDeque<>();
    private String echo = "{}";

    FakeAppsScript() throws Exception {
        server = new FakeHttpServer();
        server.handle(this::answer);
    }

    synchronized void failNext(Reply... replies) {
        failures.addAll(List.of(replies));
    }

    synchronized List<JsonNode> rows() {
        return List.copyOf(rows);
    }

    private synchronized Reply answer(Request request) {
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        if (request.path().equals("/macros/echo")) {
            return request.method().equals("GET") ? Reply.json(200, echo)
                    : new Reply(405, "text/html", "<html>Method Not Allowed</html>", java.util.Map.of());
        }
        if (!request.path().equals(EXEC)) {
            return new Reply(404, "text/html", "<html>Sorry, unable to open the file at this time.</html>", java.util.Map.of());
        }
        echo = request.method().equals("GET") ? "{\"ok\":true,\"spreadsheet\":\"Лиды\"}" : run(request.body());
        return new Reply(302, "text/html", "<HTML><BODY>Moved Temporarily</BODY></HTML>", java.util.Map.of("Location",
                server.url("/macros/echo").toString() + "?user_content_key=abc&lib=xyz"));
    }

    /** What the README's doPost does. */
    private String run(String body) {
        try {
            JsonNode data = JSON.readTree(body);
            if (!data.path("token").asText().equals("sheet-token")) {
                return "{\"ok\":false,\"error\":\"bad token\"}";
            }
            int column = 0;
            while (!data.path("header").path(column).asText().equals("lead_id")) {
                column++;
            }
            for (JsonNode row : rows) {
                if (row.path(column).asText().equals(data.path("lead_id").asText())) {
                    return "{\"ok\":true,\"duplicate\":true}";
                }
            }
            rows.add(data.path("row"));
            return "{\"ok\":true,\"row\":" + (rows.size() + 1) + "}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"ok\":false,\"error\":\"SyntaxError: Unexpected token\"}";
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
