package dev.fonte.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A local fake of Slack's side: the Web API ({@code /api/chat.postMessage}, form-encoded as the SDK sends it) and
 * {@code response_url}s ({@code /response/...}, JSON). Records every call it receives.
 */
final class FakeSlack implements AutoCloseable {

    /** One call as received: path, the Authorization header, and the body (form fields decoded for the Web API). */
    record Call(String path, String authorization, String body, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::webApi);
        server.createContext("/response/", this::responseUrl);
        server.start();
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void reset() {
        calls.clear();
    }

    /** Waits (polling, bounded) until a recorded call matches, and returns it. */
    Call await(Predicate<Call> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (match.test(call)) {
                    return call;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching call within 10 s; calls: " + calls);
    }

    /** Waits (polling, bounded) until at least {@code count} calls were recorded. */
    void awaitCalls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (calls.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " calls within 10 s: " + calls);
            }
            Thread.sleep(20);
        }
    }

    private String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void webApi(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parseForm(body);
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                body, form));
        respond(exchange, "application/json", "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "")
                + "\",\"ts\":\"1700000999.000100\"}");
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                body, Map.of()));
        respond(exchange, "text/plain", "ok");
    }

    private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
