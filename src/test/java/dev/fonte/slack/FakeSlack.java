package dev.fonte.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local fake of Slack's side, speaking its wire protocol, that records every call it receives:
 * <ul>
 *   <li>the Web API under {@code /api/} (form-encoded, {@code Authorization: Bearer <token>}, as the SDK sends it):
 *   {@code auth.test} and {@code chat.postMessage} answer per workspace, by the token's workspace
 *   ({@link #workspace}); {@code oauth.v2.access} trades a code for a workspace's bot token ({@link #installable},
 *   the client's credentials as HTTP Basic); {@code apps.connections.open} gives an app token a WebSocket URL;</li>
 *   <li>{@code response_url}s under {@code /response/} (JSON);</li>
 *   <li>Socket Mode: a WebSocket server that greets with {@code hello}, sends envelopes ({@link #sendEnvelope}) and
 *   records the client's acknowledgements ({@link #awaitAck}); it can drop every connection as a network would;</li>
 *   <li>rate limits: the next posts can be answered 429 with {@code Retry-After} ({@link #rateLimitNext}).</li>
 * </ul>
 */
public final class FakeSlack implements AutoCloseable {

    /** One call as received: path, the Authorization header, the body (form fields decoded), the HTTP status sent. */
    public record Call(String path, String authorization, String body, Map<String, String> form, int status,
                       long receivedNanos) {
    }

    public record Workspace(String teamId, String botToken) {
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final SocketServer sockets;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> teamByToken = new ConcurrentHashMap<>();
    private final Map<String, Workspace> installs = new ConcurrentHashMap<>();
    private final Map<String, String> acks = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile String clientCredentials;

    public FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::webApi);
        server.createContext("/response/", this::responseUrl);
        server.start();
        sockets = new SocketServer();
        sockets.start();
        try {
            if (!sockets.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        }
    }

    /** A fake on free loopback ports, for a test's field initializer. */
    public static FakeSlack startLocally() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new IllegalStateException("the fake Slack could not start", e);
        }
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    /** A workspace whose bot token {@code auth.test} and {@code chat.postMessage} accept. */
    public FakeSlack workspace(String teamId, String botToken) {
        teamByToken.put(botToken, teamId);
        return this;
    }

    /** The app's client credentials, which {@code oauth.v2.access} requires (HTTP Basic), as Slack does. */
    public FakeSlack client(String clientId, String clientSecret) {
        clientCredentials = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Slack's authorize page would redirect back with {@code code}: it installs the app in that workspace. */
    public FakeSlack installable(String code, String teamId, String botToken) {
        installs.put(code, new Workspace(teamId, botToken));
        return this;
    }

    /** The next {@code count} posts (chat.postMessage or response_url) are answered 429 with this Retry-After. */
    public void rateLimitNext(int count, int retryAfter) {
        retryAfterSeconds = retryAfter;
        rateLimited.set(count);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Forgets the recorded calls and acknowledgements, and any pending rate limit. */
    public void reset() {
        calls.clear();
        acks.clear();
        rateLimited.set(0);
    }

    /** Waits (polling, bounded) until a recorded call matches, and returns it. */
    public Call await(Predicate<Call> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (match.test(call)) {
                    return call;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no matching call within " + WAIT.toSeconds() + " s; calls: " + calls);
    }

    /** Waits (polling, bounded) until at least {@code count} calls to {@code path} were recorded. */
    public void awaitCalls(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls(path).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " calls within " + WAIT.toSeconds() + " s: " + calls);
            }
            Thread.sleep(10);
        }
    }

    // ---- Socket Mode

    /** Waits until at least {@code count} WebSocket sessions were opened since the fake started. */
    public void awaitSessions(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sockets.opened.get() < count || sockets.getConnections().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " Socket Mode sessions within " + WAIT.toSeconds()
                        + " s (opened " + sockets.opened.get() + ")");
            }
            Thread.sleep(10);
        }
    }

    public int sessionsOpened() {
        return sockets.opened.get();
    }

    /**
     * Sends an envelope over every open session, as Slack does: {@code events_api} with an Events API payload, or
     * {@code slash_commands} with a command's fields. Returns its {@code envelope_id}.
     */
    public String sendEnvelope(String type, String payloadJson) {
        String envelopeId = UUID.randomUUID().toString();
        String envelope = """
                {"envelope_id":"%s","payload":%s,"type":"%s","accepts_response_payload":%s,\
                "retry_attempt":0,"retry_reason":""}""".formatted(envelopeId, payloadJson, type,
                "slash_commands".equals(type));
        for (WebSocket connection : sockets.getConnections()) {
            connection.send(envelope);
        }
        return envelopeId;
    }

    /** Waits for the client's acknowledgement of an envelope and returns it (the JSON the client sent). */
    public JsonObject awaitAck(String envelopeId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!acks.containsKey(envelopeId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("envelope " + envelopeId + " not acknowledged within " + WAIT.toSeconds()
                        + " s; acknowledged: " + acks.keySet());
            }
            Thread.sleep(10);
        }
        return JsonParser.parseString(acks.get(envelopeId)).getAsJsonObject();
    }

    public boolean acknowledged(String envelopeId) {
        return acks.containsKey(envelopeId);
    }

    /** Drops every open session without a closing handshake, as a network failure would. */
    public void dropSessions() {
        for (WebSocket connection : sockets.getConnections()) {
            connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "network gone");
        }
    }

    // ---- HTTP

    private String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void webApi(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parseForm(body);
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : form.get("token");
        String team = token == null ? null : teamByToken.get(token);
        int status = 200;
        String reply;
        switch (path) {
            case "/api/auth.test" -> reply = team == null ? error("invalid_auth") : """
                    {"ok":true,"url":"https://%1$s.example/","team":"Team %1$s","user":"fonte","team_id":"%1$s",\
                    "user_id":"U0APP","bot_id":"B0FONTE","is_enterprise_install":false}""".formatted(team);
            case "/api/api.test" -> reply = "{\"ok\":true}";
            case "/api/chat.postMessage" -> {
                if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 429;
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                    reply = error("ratelimited");
                } else {
                    reply = team == null ? error("invalid_auth") : "{\"ok\":true,\"channel\":\""
                            + form.getOrDefault("channel", "") + "\",\"ts\":\"1700000999.000100\"}";
                }
            }
            case "/api/apps.connections.open" -> reply = token != null && token.startsWith("xapp-")
                    ? "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + sockets.port() + "/link/?ticket="
                    + UUID.randomUUID() + "&app_id=A0FONTE\"}"
                    : error("not_allowed_token_type");
            case "/api/oauth.v2.access" -> reply = oauthAccess(authorization, form.get("code"));
            default -> reply = error("unknown_method");
        }
        calls.add(new Call(path, authorization, body, form, status, received));
        respond(exchange, status, "application/json", reply);
    }

    private String oauthAccess(String authorization, String code) {
        if (clientCredentials == null || !clientCredentials.equals(authorization)) {
            return error("invalid_client_id");
        }
        Workspace installed = code == null ? null : installs.remove(code);
        if (installed == null) {
            return error("invalid_code");
        }
        teamByToken.put(installed.botToken(), installed.teamId());
        return """
                {"ok":true,"app_id":"A0FONTE","authed_user":{"id":"U0ADMIN"},"scope":"app_mentions:read,chat:write,\
                commands","token_type":"bot","access_token":"%s","bot_user_id":"U0APP","team":{"id":"%s",\
                "name":"Team %s"},"enterprise":null,"is_enterprise_install":false}"""
                .formatted(installed.botToken(), installed.teamId(), installed.teamId());
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 200;
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 429;
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
        }
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                body, Map.of(), status, received));
        respond(exchange, status, "text/plain", status == 200 ? "ok" : "rate_limited");
    }

    private static String error(String code) {
        return "{\"ok\":false,\"error\":\"" + code + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
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
        try {
            sockets.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Slack's Socket Mode endpoint: greets each session, records each acknowledgement by its envelope id. */
    private final class SocketServer extends WebSocketServer {

        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger opened = new AtomicInteger();

        SocketServer() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setDaemon(true);
            setReuseAddr(true);
        }

        int port() {
            return getPort();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            opened.incrementAndGet();
            connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                    + "\"connection_info\":{\"app_id\":\"A0FONTE\"}}");
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            JsonObject ack = JsonParser.parseString(message).getAsJsonObject();
            if (ack.has("envelope_id")) {
                acks.put(ack.get("envelope_id").getAsString(), message);
            }
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
