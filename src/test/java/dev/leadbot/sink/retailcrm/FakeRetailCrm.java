package dev.leadbot.sink.retailcrm;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RetailCRM's API v5 on loopback: checks the X-API-KEY, the form encoding and the record's JSON,
 * keeps orders and customers by externalId, and answers with RetailCRM's real shapes.
 */
final class FakeRetailCrm implements AutoCloseable {

    static final String KEY = "retail-test-key-not-a-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeHttpServer server;
    private final List<JsonNode> orders = new ArrayList<>();
    private final List<Map<String, String>> forms = new ArrayList<>();
    private final Deque<Reply> failures = new ArrayDeque<>();

    FakeRetailCrm(java.util.function.LongSupplier clock) throws Exception {
        server = new FakeHttpServer(clock);
        server.handle(this::answer);
    }

    synchronized void failNext(Reply... replies) {
        failures.addAll(List.of(replies));
    }

    synchronized List<JsonNode> orders() {
        return List.copyOf(orders);
    }

    synchronized List<Map<String, String>> forms() {
        return List.copyOf(forms);
    }

    private synchronized Reply answer(Request request) {
        if (!request.header("X-API-KEY").equals(KEY)) {
            return Reply.json(403, "{\"success\":false,\"errorMsg\":\"Wrong \\\"apiKey\\\" value.\"}");
        }
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        if (request.method().equals("GET") && request.path().equals("/api/credentials")) {
            return Reply.json(200, "{\"success\":true,\"scopes\":[\"order_read\",\"order_write\",\"customer_read\"],"
                    + "\"siteAccess\":\"access_selective\",\"sitesAvailable\":[\"main-shop\"]}");
        }
        if (request.method().equals("POST") && request.path().equals("/api/v5/orders/create")) {
            if (!request.header("Content-Type").equals("application/x-www-form-urlencoded")) {
                return Reply.json(400, "{\"success\":false,\"errorMsg\":\"Parameter 'order' is missing\"}");
            }
            Map<String, String> form = new HashMap<>();
            for (String pair : request.body().split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            forms.add(form);
            try {
                orders.add(JSON.readTree(form.get("order")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Reply.json(400, "{\"success\":false,\"errorMsg\":\"Parameter 'order' must contain valid JSON\"}");
            }
            return Reply.json(201, "{\"success\":true,\"id\":" + (500 + orders.size()) + ",\"order\":{\"id\":" + (500 + orders.size()) + "}}");
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/v5/orders/") && request.query().contains("by=externalId")) {
            String external = URLDecoder.decode(request.path().substring("/api/v5/orders/".length()), StandardCharsets.UTF_8);
            for (int i = 0; i < orders.size(); i++) {
                if (orders.get(i).path("externalId").asText().equals(external)) {
                    return Reply.json(200, "{\"success\":true,\"order\":{\"id\":" + (501 + i) + ",\"externalId\":\"" + external + "\"}}");
                }
            }
            return Reply.json(404, "{\"success\":false,\"errorMsg\":\"Not found\"}");
        }
        return Reply.json(404, "{\"success\":false,\"errorMsg\":\"API method not found\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
