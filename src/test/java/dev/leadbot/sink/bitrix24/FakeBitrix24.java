package dev.leadbot.sink.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bitrix24 portal's incoming webhook on loopback: checks the webhook code and JSON, keeps the
 * leads, contacts and deals it creates (so {@code crm.*.list} by ORIGIN_ID finds them), and
 * answers with Bitrix24's real result and error shapes.
 */
final class FakeBitrix24 implements AutoCloseable {

    static final String CODE = "k3y0fth3w3bh00k";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeHttpServer server;
    private final Map<String, List<JsonNode>> created = new LinkedHashMap<>();
    private final Deque<Reply> failures = new ArrayDeque<>();
    private int mode = 1;

    FakeBitrix24(java.util.function.LongSupplier clock) throws Exception {
        server = new FakeHttpServer(clock);
        server.handle(this::answer);
    }

    String webhook(String code) {
        return server.url("/rest/1/" + code + "/").toString();
    }

    /** 2: simple CRM mode, a portal without leads. */
    synchronized void mode(int mode) {
        this.mode = mode;
    }

    synchronized void failNext(Reply... replies) {
        failures.addAll(List.of(replies));
    }

    synchronized List<JsonNode> created(String kind) {
        return List.copyOf(created.getOrDefault(kind, List.of()));
    }

    private synchronized Reply answer(Request request) {
        if (!request.path().startsWith("/rest/1/" + CODE + "/")) {
            return Reply.json(401, "{\"error\":\"INVALID_CREDENTIALS\",\"error_description\":\"Invalid request credentials\"}");
        }
        if (!request.method().equals("POST") || !request.header("Content-Type").startsWith("application/json")) {
            return Reply.json(400, "{\"error\":\"\",\"error_description\":\"expected a JSON POST\"}");
        }
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        String method = request.path().substring(("/rest/1/" + CODE + "/").length()).replace(".json", "");
        JsonNode params;
        try {
            params = JSON.readTree(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Reply.json(400, "{\"error\":\"\",\"error_description\":\"unreadable JSON\"}");
        }
        String kind = method.replaceAll("^crm\\.(lead|contact|deal)\\..*$", "$1");
        if (method.equals("profile")) {
            return ok("{\"ID\":\"1\",\"ADMIN\":true,\"NAME\":\"Анна\",\"LAST_NAME\":\"Ким\"}");
        }
        if (method.equals("crm.settings.mode.get")) {
            return ok(String.valueOf(mode));
        }
        if (method.equals("crm.lead.add") && mode == 2) {
            return Reply.json(400, "{\"error\":\"\",\"error_description\":\"Leads are disabled in simple CRM mode\"}");
        }
        if (method.endsWith(".add")) {
            List<JsonNode> all = created.computeIfAbsent(kind, k -> new ArrayList<>());
            all.add(params.path("fields"));
            return ok(String.valueOf(100 + all.size()));
        }
        if (method.endsWith(".list")) {
            String origin = params.path("filter").path("ORIGIN_ID").asText();
            List<JsonNode> all = created.getOrDefault(kind, List.of());
            StringBuilder found = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).path("ORIGIN_ID").asText().equals(origin)) {
                    found.append(found.length() == 0 ? "" : ",").append("{\"ID\":\"").append(101 + i).append("\"}");
                }
            }
            return Reply.json(200, "{\"result\":[" + found + "],\"total\":" + (found.length() == 0 ? 0 : 1) + ",\"time\":{\"start\":1}}");
        }
        return Reply.json(404, "{\"error\":\"ERROR_METHOD_NOT_FOUND\",\"error_description\":\"Method not found!\"}");
    }

    private static Reply ok(String result) {
        return Reply.json(200, "{\"result\":" + result + ",\"time\":{\"start\":1700000000.1,\"finish\":1700000000.2,\"duration\":0.1}}");
    }

    @Override
    public void close() {
        server.close();
    }
}
