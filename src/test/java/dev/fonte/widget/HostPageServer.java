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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A second web server on another origin ({@code http://127.0.0.1:port}, the widget's server being
 * {@code http://localhost:port}): it serves host pages that embed the widget with one tag, and a scripted fake of the
 * chat API for what the real application cannot be made to do on demand (rate-limit, stream slowly).
 */
final class HostPageServer implements AutoCloseable {

    enum Mode { ANSWER, SLOW, RATE_LIMITED }

    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);
    final AtomicReference<String> widgetUrl = new AtomicReference<>();
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
        server.start();
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
        exchange.getRequestBody().readAllBytes();
        switch (mode.get()) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "3");
                send(exchange, 429, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"slow down\"}");
            }
            case SLOW -> sse(exchange, 40, 250);
            case ANSWER -> sse(exchange, 3, 30);
        }
    }

    /** Every citation of the fake: an English sentence inside its paragraph, with its Italian original. */
    private void citation(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        send(exchange, 200, "application/json", """
                {"id":"fake-en:119-159","documentId":"fake-en","title":"A fake article","text":"Meta will spend up to 65 billion dollars","start":119,"end":159,
                 "context":"In a recent post, Zuckerberg said that Meta will spend up to 65 billion dollars this year.","contextStart":80,
                 "original":{"documentId":"fake-it","text":"Meta spenderà fino a 65 miliardi di dollari","start":100,"end":143}}""");
    }

    /** A well-formed event stream: sources, {@code deltas} deltas {@code pauseMillis} apart, then done. */
    private void sse(HttpExchange exchange, int deltas, long pauseMillis) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "sources", "{\"sources\":[]}");
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= deltas; i++) {
                String piece = "Frase numero " + i + " [1]. ";
                text.append(piece);
                write(out, "delta", "{\"text\":\"" + piece + "\"}");
                Thread.sleep(pauseMillis);
            }
            write(out, "done", "{\"conversationId\":\"c-1\",\"answer\":\"" + text.toString().trim()
                    + "\",\"answered\":true,\"language\":\"it\",\"citations\":[{\"n\":1,\"id\":\"fake-en:119-159\","
                    + "\"documentId\":\"fake-en\",\"title\":\"A fake article\",\"text\":\"Meta will spend up to 65 billion dollars\","
                    + "\"start\":119,\"end\":159,\"score\":0.9}],\"model\":\"fake\"}");
        } catch (IOException | InterruptedException e) {
            // the browser stopped reading (the stop button): nothing more to send
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
