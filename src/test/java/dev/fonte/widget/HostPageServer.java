package dev.fonte.widget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A second web server on another origin ({@code http://127.0.0.1:port}, the widget's server being
 * {@code http://localhost:port}): it serves host pages that embed the widget with one tag, and a scripted fake of the
 * chat API for what the real application cannot be made to do on demand (rate-limit, hold a stream half-way, withdraw
 * what it streamed). Under {@code /fake/} it also serves the demo page and the widget as the application ships them,
 * over a fake documents API.
 */
final class HostPageServer implements AutoCloseable {

    enum Mode {
        /** three sentences, then done */
        ANSWER,
        /** two sentences, then nothing until {@link #release()}, then two more and done */
        HELD,
        /** a sentence, nothing until {@link #release()}, then a reset event, the real answer and done */
        RESET,
        /** 429 with Retry-After */
        RATE_LIMITED
    }

    static final String WRONG = "Risposta da scartare [1]. ";

    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);
    final AtomicReference<String> widgetUrl = new AtomicReference<>();
    /** The bodies of the chat requests received, in order. */
    final List<String> questions = new CopyOnWriteArrayList<>();
    /** How many answers were streamed to their end (done sent). */
    final AtomicInteger finished = new AtomicInteger();
    /** While set, every citation lookup fails with a 500. */
    final AtomicBoolean citationsFail = new AtomicBoolean();
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private final HttpServer server;

    HostPageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "host-page-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/page/", this::page);
        server.createContext("/fake/api/chat/stream", this::stream);
        server.createContext("/fake/api/citations/", this::citation);
        server.createContext("/fake/api/documents", this::documents);
        server.createContext("/fake/", this::shipped);
        server.start();
    }

    /** Forgets earlier requests and closes the gate that held streams wait on. */
    void reset(Mode next) {
        mode.set(next);
        questions.clear();
        finished.set(0);
        citationsFail.set(false);
        gate.countDown();
        gate = new CountDownLatch(1);
    }

    /** Lets held streams go on to their end. */
    void release() {
        gate.countDown();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * {@code /page/<name>?open=true&api=fake}: a test page of src/test/resources/widget-test whose script tag gets
     * the widget URL and a {@code data-} attribute per query parameter ({@code fake} stands for the fake API).
     */
    private void page(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String name = uri.getPath().substring("/page/".length());
        try (InputStream in = HostPageServer.class.getResourceAsStream("/widget-test/" + name + ".html")) {
            if (in == null) {
                send(exchange, 404, "text/plain", "no page " + name);
                return;
            }
            StringBuilder attrs = new StringBuilder();
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    String value = kv.length < 2 ? "" : "fake".equals(kv[1]) ? origin() + "/fake" : kv[1];
                    attrs.append(" data-").append(kv[0]).append("=\"").append(value).append('"');
                }
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{WIDGET}}", widgetUrl.get()).replace("{{ATTRS}}", attrs);
            send(exchange, 200, "text/html; charset=utf-8", html);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "Retry-After");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        questions.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        switch (mode.get()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "2");
                send(exchange, 429, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                + "\"detail\":\"slow down\"}");
            }
            case HELD -> sse(exchange, 4, 2, false);
            case RESET -> sse(exchange, 2, 0, true);
            case ANSWER -> sse(exchange, 3, -1, false);
        }
    }

    /** The demo page and the widget, as the application ships them (from the classpath). */
    private void shipped(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = path.equals("/fake/") ? "index.html" : path.equals("/fake/widget.js") ? "widget.js" : null;
        try (InputStream in = resource == null ? null
                : HostPageServer.class.getResourceAsStream("/widget/" + resource)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "not here: " + path);
                return;
            }
            send(exchange, 200, resource.endsWith(".js") ? "application/javascript" : "text/html; charset=utf-8",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** One Italian article whose metadata has a source URL and a date. */
    private void documents(HttpExchange exchange) throws IOException {
        String meta = "\"id\":\"fake-it\",\"title\":\"Un articolo di prova\",\"language\":\"it\","
                + "\"source\":\"https://www.news.example/2025/01/24/prova\",\"date\":\"2025-01-24\",\"length\":75";
        if (exchange.getRequestURI().getPath().equals("/fake/api/documents")) {
            send(exchange, 200, "application/json", "[{" + meta + "}]");
        } else {
            send(exchange, 200, "application/json", "{" + meta + ",\"text\":\"Primo paragrafo dell’articolo di prova."
                    + "\\n\\nSecondo paragrafo, con la frase citata.\"}");
        }
    }

    /** Every citation of the fake: an English sentence inside its paragraph, with its Italian original. */
    private void citation(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if (citationsFail.get()) {
            send(exchange, 500, "text/plain", "broken");
            return;
        }
        send(exchange, 200, "application/json", """
                {"id":"fake-en:119-159","documentId":"fake-en","title":"A fake article",
                 "text":"Meta will spend up to 65 billion dollars","start":119,"end":159,
                 "context":"In a recent post, Zuckerberg said that Meta will spend up to 65 billion dollars this year.",
                 "contextStart":80,
                 "original":{"documentId":"fake-it","text":"Meta spenderà fino a 65 miliardi di dollari",
                             "start":100,"end":143}}""");
    }

    /**
     * A well-formed event stream: sources, then {@code deltas} sentences; after the first {@code holdAfter} of them
     * (none when negative) it waits for {@link #release()}. With {@code withdraw} the sentences before the hold are
     * {@link #WRONG} and a reset event follows the hold. Then done.
     */
    private void sse(HttpExchange exchange, int deltas, int holdAfter, boolean withdraw) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        CountDownLatch held = gate;
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "sources", "{\"sources\":[]}");
            if (withdraw) {
                write(out, "delta", "{\"text\":\"" + WRONG + "\"}");
                held.await(30, TimeUnit.SECONDS);
                write(out, "reset", "{\"reason\":\"the model's answer cited nothing valid\"}");
            }
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= deltas; i++) {
                if (i == holdAfter + 1 && !withdraw) {
                    held.await(30, TimeUnit.SECONDS);
                }
                String piece = "Frase numero " + i + " [1]. ";
                text.append(piece);
                write(out, "delta", "{\"text\":\"" + piece + "\"}");
            }
            write(out, "done", "{\"conversationId\":\"c-1\",\"answer\":\"" + text.toString().trim()
                    + "\",\"answered\":true,\"language\":\"it\",\"citations\":[{\"n\":1,\"id\":\"fake-en:119-159\","
                    + "\"documentId\":\"fake-en\",\"title\":\"A fake article\","
                    + "\"text\":\"Meta will spend up to 65 billion dollars\","
                    + "\"start\":119,\"end\":159,\"score\":0.9}],\"model\":\"fake\"}");
            finished.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            // the browser stopped reading (Stop, a reload): nothing more to send
        }
    }

    private static void write(OutputStream out, String event, String data) throws IOException {
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
