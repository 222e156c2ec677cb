package dev.fonte.eval.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.Citation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Asks a running Fonte server over HTTP. It reads {@code POST /api/chat/stream} (server-sent events): the
 * {@code sources} event gives the retrieval candidates and the {@code done} event the answer, exactly as
 * {@code POST /api/chat} returns it. One request per question, so a conversation sees each question once.
 * A server without the stream endpoint (404) is asked through {@code POST /api/chat}, without candidates. A server
 * that asks to wait (429 or 503 with {@code Retry-After}) is asked again after that wait, as long as the question's
 * time allows; with an API key, every request carries it ({@code Authorization: Bearer}).
 */
public final class HttpTarget implements Target {

    /** The longest single wait a server's Retry-After may impose before the case is failed instead. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final URI base;
    private final Duration timeout;
    private final String apiKey;
    private final HttpClient client;
    private final ObjectMapper json;

    /** @param base the server's root URL, e.g. {@code http://localhost:8080} (a path prefix is kept) */
    public HttpTarget(URI base, Duration timeout, ObjectMapper json) {
        this(base, timeout, null, json);
    }

    /**
     * @param base   the server's root URL, e.g. {@code http://localhost:8080} (a path prefix is kept)
     * @param apiKey sent as {@code Authorization: Bearer <apiKey>}; null sends none
     */
    public HttpTarget(URI base, Duration timeout, @Nullable String apiKey, ObjectMapper json) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.json = json;
        // HTTP/1.1: the h2c upgrade attempt of the default client only adds a round trip against Netty
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatRequest(String question, @Nullable String conversationId) {
    }

    /**
     * The answer as it comes over the wire: a server may leave out an empty {@code citations} list (Micronaut
     * serialization does by default), which the {@link Answer} record does not accept.
     */
    @Serdeable
    record WireAnswer(@Nullable String conversationId, @Nullable String answer, boolean answered,
                      @Nullable String language, @Nullable List<Citation> citations, @Nullable String model) {

        Answer toAnswer() {
            return new Answer(conversationId, answer == null ? "" : answer, answered, language,
                    citations == null ? List.of() : citations, model);
        }
    }

    @Serdeable
    record WireSources(@Nullable List<AnswerEvent.Source> sources) {
    }

    @Override
    public Reply ask(String question, @Nullable String conversationId) throws TargetException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ChatRequest(question, conversationId));
        } catch (IOException e) {
            throw new TargetException("cannot encode the request: " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = send("api/chat/stream", "text/event-stream", body);
        if (response.statusCode() == 404) {
            response.body().close();
            return askWithoutStream(body, started);
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw httpError(response.statusCode(), String.join("\n", lines.toList()));
            }
            return readEvents(lines.iterator(), started);
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot read the event stream from " + base + ": " + e.getMessage(), e);
        }
    }

    private Reply readEvents(Iterator<String> lines, long started) throws IOException, TargetException {
        List<AnswerEvent.Source> candidates = List.of();
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if ("sources".equals(event)) {
                    List<AnswerEvent.Source> sources = json.readValue(data.toString(), WireSources.class).sources();
                    candidates = sources == null ? List.of() : sources;
                } else if ("done".equals(event)) {
                    Answer answer = json.readValue(data.toString(), WireAnswer.class).toAnswer();
                    return new Reply(answer, candidates, Duration.ofNanos(System.nanoTime() - started));
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
            }
        }
        throw new TargetException("the event stream ended without a done event");
    }

    private Reply askWithoutStream(byte[] body, long started) throws TargetException {
        HttpResponse<Stream<String>> response = send("api/chat", "application/json", body);
        try (Stream<String> lines = response.body()) {
            String text = String.join("\n", lines.toList());
            if (response.statusCode() != 200) {
                throw httpError(response.statusCode(), text);
            }
            Answer answer = json.readValue(text, WireAnswer.class).toAnswer();
            return new Reply(answer, List.of(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            throw new TargetException("cannot read the answer from " + base + ": " + e.getMessage(), e);
        }
    }

    /** Sends, and sends again after each wait the server asks for (429/503 with Retry-After) while time allows. */
    private HttpResponse<Stream<String>> send(String path, String accept, byte[] body) throws TargetException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<Stream<String>> response = sendOnce(path, accept, body);
            Optional<Duration> wait = retryAfter(response);
            if (wait.isEmpty() || System.nanoTime() + wait.get().toNanos() >= deadline) {
                return response;
            }
            response.body().close();
            try {
                Thread.sleep(wait.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while waiting to ask " + base + " again", e);
            }
        }
    }

    /** The wait a 429 or 503 asks for in whole seconds (an HTTP date or nothing: one second), capped. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return Optional.empty();
        }
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(header.get().strip());
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        Duration wait = Duration.ofSeconds(Math.max(1, seconds));
        return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    private HttpResponse<Stream<String>> sendOnce(String path, String accept, byte[] body) throws TargetException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (HttpTimeoutException e) {
            throw new TargetException("no answer from " + request.uri() + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new TargetException("cannot reach " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while asking " + request.uri(), e);
        }
    }

    private TargetException httpError(int status, String body) {
        String detail = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return new TargetException("HTTP " + status + " from " + base + ": " + detail);
    }

    /** By the passage id each candidate of the {@code sources} event carries. */
    @Override
    public Optional<SourceMatcher> sources() {
        return Optional.of(SourceMatcher.BY_ID);
    }

    @Override
    public String describe() {
        return base.toString();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() on Java 17; its threads are daemons
    }
}
