package dev.fonte.answer.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fonte.answer.provider.ResilientChatModel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local server on 127.0.0.1 that speaks one model provider's wire protocol, plain and streaming, and misbehaves on
 * demand: an HTTP error, a hang, a malformed body, a stream cut or stalled half-way, a slow stream. It records every
 * request, and notices a client that goes away before the answer is written. What it answers is written by a
 * responder from the prompt it received, as a model would (quoting a source, taking a fact from a source's context,
 * refusing in its own words, obeying an order hidden in the question, translating). The warm-up call is answered
 * "ready". Subclasses write the protocol's bodies and stream frames; the
 * behaviour is the same for all.
 */
public abstract class FakeModelServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private enum Mode { REPLY, STATUS, HANG, MALFORMED, CUT, STALL, SLOW }

    /** One request the fake received. Header names are lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.REPLY;
    private volatile Function<String, String> responder;
    private volatile int status = 200;
    private volatile long firstTokenAfterMillis;
    private volatile long betweenTokensMillis;
    private final java.util.concurrent.atomic.AtomicInteger abandoned = new java.util.concurrent.atomic.AtomicInteger();

    protected FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    // ---- the protocol, per provider

    /** The path the provider's client posts to, e.g. {@code /v1/chat/completions}. */
    protected abstract String path();

    /** A complete, non-streamed answer. */
    protected abstract String completeBody(String model, String text);

    /** The streamed frames, exactly as written on the wire; {@code complete} false leaves out the end-of-stream. */
    protected abstract List<String> streamFrames(String model, List<String> tokens, boolean complete);

    protected abstract String streamContentType();

    /** The provider's error body for an HTTP error status. */
    protected abstract String errorBody(int status);

    /** The base URL to configure the LangChain4j client with. */
    public abstract String baseUrl();

    // ---- behaviour

    /** Answers every request with this text (streamed token by token when asked to stream). */
    public FakeModelServer replies(String text) {
        return replies(userMessage -> text);
    }

    /** Answers every request with what {@code responder} writes from the request's last user message. */
    public FakeModelServer replies(Function<String, String> responder) {
        this.responder = responder;
        this.mode = Mode.REPLY;
        return this;
    }

    /** The text of the last user message of a request, as this protocol carries it. */
    protected String userMessage(JsonNode request) {
        String last = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                if (content.isArray()) {
                    StringBuilder b = new StringBuilder();
                    content.forEach(block -> b.append(block.path("text").asText()));
                    last = b.toString();
                } else {
                    last = content.asText();
                }
            }
        }
        return last;
    }

    public FakeModelServer failsWith(int status) {
        this.status = status;
        this.mode = Mode.STATUS;
        return this;
    }

    /** Accepts the request and never answers (until closed). */
    public FakeModelServer hangs() {
        this.mode = Mode.HANG;
        return this;
    }

    /** Answers 200 with a body that is not the protocol's JSON. */
    public FakeModelServer sendsMalformedBody() {
        this.mode = Mode.MALFORMED;
        return this;
    }

    /** Streams the first half of this text, then ends the response without the protocol's end-of-stream. */
    public FakeModelServer cutsStreamHalfway(String text) {
        return cutsStreamHalfway(prompt -> text);
    }

    /** Streams the first half of what {@code responder} writes, then ends without the protocol's end-of-stream. */
    public FakeModelServer cutsStreamHalfway(Function<String, String> responder) {
        this.responder = responder;
        this.mode = Mode.CUT;
        return this;
    }

    /**
     * Answers with what {@code responder} writes, slowly: the response starts after {@code firstToken}, then one token
     * every {@code between}. A client that goes away meanwhile is noticed ({@link #abandoned()}).
     */
    public FakeModelServer slowly(java.time.Duration firstToken, java.time.Duration between,
                                  Function<String, String> responder) {
        this.responder = responder;
        this.firstTokenAfterMillis = firstToken.toMillis();
        this.betweenTokensMillis = between.toMillis();
        this.mode = Mode.SLOW;
        return this;
    }

    /** How many answers this server could not finish writing because the client had gone away. */
    public int abandoned() {
        return abandoned.get();
    }

    /** Streams the first half of this text, then goes silent with the connection open. */
    public FakeModelServer stallsHalfway(String text) {
        this.responder = prompt -> text;
        this.mode = Mode.STALL;
        return this;
    }

    /** Forgets the requests received so far. */
    public void forget() {
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastRequest() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake " + getClass().getSimpleName() + " received no request");
        }
        return received.get(received.size() - 1);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    protected String root() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the exchange

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            if (!exchange.getRequestURI().getPath().equals(path())) {
                send(exchange, 404, "application/json", errorBody(404));
                return;
            }
            JsonNode request = JSON.readTree(body);
            boolean stream = request.path("stream").asBoolean(false);
            String model = request.path("model").asText("unknown");
            String user = userMessage(request);
            if (user.equals(ResilientChatModel.WARM_UP_PROMPT) && mode != Mode.STATUS && mode != Mode.HANG) {
                // the warm-up call at start, whatever the responder answers to questions and translations
                reply(exchange, stream, model, "ready");
                return;
            }
            switch (mode) {
                case STATUS -> send(exchange, status, "application/json", errorBody(status));
                case HANG -> awaitClose();
                case MALFORMED -> send(exchange, 200, stream ? streamContentType() : "application/json",
                        stream ? malformedFrame() : "{\"id\": \"x\", \"choices\": [{\"message\": <html>oops");
                case REPLY -> reply(exchange, stream, model, responder.apply(user));
                case SLOW -> slow(exchange, stream, model, responder.apply(user));
                case CUT, STALL -> {
                    String text = responder.apply(user);
                    if (stream) {
                        List<String> all = tokens(text);
                        stream(exchange, streamFrames(model, all.subList(0, all.size() / 2), false),
                                mode == Mode.STALL);
                    } else if (mode == Mode.CUT) {
                        String full = completeBody(model, text);
                        send(exchange, 200, "application/json", full.substring(0, full.length() / 2));
                    } else {
                        awaitClose();
                    }
                }
            }
        } catch (IOException e) {
            // the client went away (it timed out or cancelled): nothing to answer
            abandoned.incrementAndGet();
        }
    }

    private void reply(HttpExchange exchange, boolean stream, String model, String text) throws IOException {
        if (stream) {
            stream(exchange, streamFrames(model, tokens(text), true), false);
        } else {
            send(exchange, 200, "application/json", completeBody(model, text));
        }
    }

    /** The answer, each frame after a pause; a client that went away shows as a failed write. */
    private void slow(HttpExchange exchange, boolean stream, String model, String text) throws IOException {
        pause(firstTokenAfterMillis);
        if (!stream) {
            send(exchange, 200, "application/json", completeBody(model, text));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", streamContentType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String frame : streamFrames(model, tokens(text), true)) {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(betweenTokensMillis);
        }
    }

    private void pause(long millis) {
        try {
            closed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A streamed frame whose JSON is broken, in the protocol's framing. */
    protected String malformedFrame() {
        return "data: {\"choices\": [{\"delta\": <html>oops\n\n";
    }

    private void stream(HttpExchange exchange, List<String> frames, boolean thenStall) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", streamContentType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String frame : frames) {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (thenStall) {
            awaitClose();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits text into word tokens, spaces kept, the way a model streams it. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                tokens.add(text.substring(from, i));
                from = i;
            }
        }
        return tokens;
    }

    protected static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
