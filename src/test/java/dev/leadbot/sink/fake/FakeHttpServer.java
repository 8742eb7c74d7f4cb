package dev.leadbot.sink.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A destination's API on loopback for sink tests: records every request exactly as it arrived
 * and answers through the API fake's handler. {@link #holdNextAnswer()} keeps the next answer
 * back after the request was carried out, as a slow CRM does, until {@link #release()}.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** A request as it arrived (at {@code at} on the server's clock): header names in lower case, the body as UTF-8 text. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body, long at) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    /** An answer: status, content type, body and extra headers. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json; charset=utf-8", body, Map.of());
        }

        public Reply with(String header, String value) {
            Map<String, String> all = new TreeMap<>(headers);
            all.put(header, value);
            return new Reply(status, contentType, body, all);
        }
    }

    private final HttpServer server;
    private final java.util.function.LongSupplier clock;
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Reply> handler = request -> Reply.json(404, "{}");
    private CountDownLatch hold;
    private boolean heldOne;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch heldDone = new CountDownLatch(1);

    public FakeHttpServer() throws IOException {
        this(System::nanoTime);
    }

    /** @param clock the time each request is noted at: a test's virtual clock, for rate limits */
    public FakeHttpServer(java.util.function.LongSupplier clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void handle(Function<Request, Reply> handler) {
        this.handler = handler;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Whether no {@code limit + 1} requests arrived within one second of the server's clock. */
    public synchronized boolean neverMoreThanPerSecond(int limit) {
        for (int i = 0; i + limit < requests.size(); i++) {
            if (requests.get(i + limit).at() - requests.get(i).at() < 1_000_000_000L) {
                return false;
            }
        }
        return true;
    }

    /** The next request is carried out, but its answer waits for {@link #release()}. */
    public synchronized void holdNextAnswer() {
        hold = new CountDownLatch(1);
    }

    /** Lets a held answer go, and returns once it has gone (or found its caller gone). */
    public void release() {
        released.countDown();
        synchronized (this) {
            if (!heldOne) {
                return; // nothing was held
            }
        }
        try {
            heldDone.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                String.valueOf(exchange.getRequestURI().getRawQuery()), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), clock.getAsLong());
        boolean held;
        synchronized (this) {
            requests.add(request);
            held = hold != null;
            heldOne |= held;
            hold = null;
        }
        Reply reply;
        try {
            reply = handler.apply(request);
        } catch (RuntimeException e) {
            // A bug in a fake must show, not look like a network failure.
            e.printStackTrace();
            reply = Reply.json(599, "{\"fake_failed\":\"" + e + "\"}");
        }
        if (held) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        if (held) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        try {
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client gave up waiting (a held answer): nothing to send it to.
        } finally {
            exchange.close();
            if (held) {
                heldDone.countDown();
            }
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
