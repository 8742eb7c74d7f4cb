package dev.leadbot.sink.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadbot.sink.fake.FakeHttpServer;
import dev.leadbot.sink.fake.FakeHttpServer.Reply;
import dev.leadbot.sink.fake.FakeHttpServer.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * amoCRM's API v4 as far as the sink uses it, on loopback: checks the token, the paths and the
 * JSON bodies, keeps the leads it created (so {@code ?query=} finds them), answers with amoCRM's
 * real shapes; requests are timed on the given (virtual) clock for the rate-limit test.
 */
public final class FakeAmoCrm implements AutoCloseable {

    public static final String TOKEN = "amo-test-token-not-a-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final FakeHttpServer server;
    private final List<JsonNode> leads = new ArrayList<>();
    private final List<JsonNode> notes = new ArrayList<>();
    private final Deque<Reply> failures = new ArrayDeque<>();

    public FakeAmoCrm(LongSupplier clock) throws Exception {
        server = new FakeHttpServer(clock);
        server.handle(this::answer);
    }

    /** The next requests get these answers instead (after the request was checked). */
    public synchronized void failNext(Reply... replies) {
        failures.addAll(List.of(replies));
    }

    public synchronized List<JsonNode> leads() {
        return List.copyOf(leads);
    }

    synchronized List<JsonNode> notes() {
        return List.copyOf(notes);
    }

    private synchronized Reply answer(Request request) {
        if (!request.header("Authorization").equals("Bearer " + TOKEN)) {
            return Reply.json(401, "{\"title\":\"Unauthorized\",\"type\":\"https://httpstatus.es/401\",\"status\":401,\"detail\":\"Unauthorized\"}");
        }
        if (request.method().equals("POST") && !request.header("Content-Type").startsWith("application/json")) {
            return Reply.json(415, "{\"title\":\"Unsupported Media Type\",\"status\":415}");
        }
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        try {
            switch (request.method() + " " + request.path()) {
                case "GET /api/v4/account":
                    return Reply.json(200, "{\"id\":30000001,\"name\":\"Кофейни Анны\",\"subdomain\":\"annacoffee\",\"currency\":\"RUB\"}");
                case "POST /api/v4/leads/complex": {
                    JsonNode lead = JSON.readTree(request.body()).get(0);
                    long id = 10_000_000 + leads.size();
                    leads.add(((com.fasterxml.jackson.databind.node.ObjectNode) lead.deepCopy()).put("id", id));
                    return Reply.json(200, "[{\"id\":" + id + ",\"contact_id\":" + (20_000_000 + id) + ",\"company_id\":null,"
                            + "\"request_id\":[\"0\"],\"merged\":false}]");
                }
                case "POST /api/v4/leads/unsorted/forms": {
                    JsonNode form = JSON.readTree(request.body()).get(0);
                    long id = 10_000_000 + leads.size();
                    leads.add(((com.fasterxml.jackson.databind.node.ObjectNode) form.path("_embedded").path("leads").get(0).deepCopy())
                            .put("id", id));
                    return Reply.json(200, "{\"_total_items\":1,\"_embedded\":{\"unsorted\":[{\"uid\":\"a1b2c3\",\"account_id\":30000001,"
                            + "\"request_id\":\"0\",\"_embedded\":{\"leads\":[{\"id\":" + id + "}],\"contacts\":[{\"id\":" + (20_000_000 + id)
                            + "}]}}]}}");
                }
                case "POST /api/v4/leads/notes":
                    notes.add(JSON.readTree(request.body()).get(0));
                    return Reply.json(200, "{\"_total_items\":1,\"_embedded\":{\"notes\":[{\"id\":777,\"entity_id\":1,\"request_id\":\"0\"}]}}");
                case "GET /api/v4/leads":
                    return search(URLDecoder.decode(request.query().replaceAll(".*query=([^&]*).*", "$1"), StandardCharsets.UTF_8));
                default:
                    return Reply.json(404, "{\"title\":\"Not Found\",\"status\":404}");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Reply.json(400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Request body is not valid JSON\"}");
        }
    }

    private Reply search(String query) {
        List<JsonNode> found = leads.stream().filter(lead -> lead.path("name").asText().contains(query)).toList();
        if (found.isEmpty()) {
            return Reply.json(204, "");
        }
        StringBuilder list = new StringBuilder();
        for (JsonNode lead : found) {
            list.append(list.length() == 0 ? "" : ",").append("{\"id\":").append(lead.path("id").asLong()).append(",\"name\":")
                    .append(JSON.getNodeFactory().textNode(lead.path("name").asText()).toString()).append("}");
        }
        return Reply.json(200, "{\"_page\":1,\"_embedded\":{\"leads\":[" + list + "]}}");
    }

    @Override
    public void close() {
        server.close();
    }
}
