package dev.fonte.ops;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.http.RawHttp;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log lines of a request, as the console writes them in both formats: each names the request's id (the plain
 * answer, the streamed one produced on a Reactor thread, the server error), JSON lines are JSON with the rendered
 * message, and nothing that looks like a key survives. The answer service is a fake that logs like a model client
 * would; everything between it and the socket is the application's.
 */
@MicronautTest(environments = LogLinesTest.ENV)
class LogLinesTest {

    static final String ENV = "log-lines-test";
    static final String KEY = "sk-live-4f9a8b7c6d5e4f3a2b1c";
    private static final Logger LOG = LoggerFactory.getLogger(LogLinesTest.class);

    @Factory
    @Requires(env = ENV)
    static class Fakes {
        @Singleton
        @Replaces(AnswerService.class)
        AnswerService answers() {
            return new AnswerService() {
                @Override
                public Answer answer(Question question) {
                    if (question.text().startsWith("boom")) {
                        throw new IllegalStateException("provider said {\"error\":\"bad key " + KEY + "\"}");
                    }
                    LOG.info("Provider refused {}: {\"error\":{\"message\":\"Incorrect API key provided: {}\"}}",
                            question.text(), KEY);
                    return answer(question.text());
                }

                @Override
                public Publisher<AnswerEvent> stream(Question question) {
                    // produced on a Reactor thread, as the real service produces its stream
                    return Flux.<AnswerEvent>create(sink -> {
                        LOG.info("Streaming an answer to {}", question.text());
                        sink.next(new AnswerEvent.Sources(List.of()));
                        sink.next(new AnswerEvent.Done(answer(question.text())));
                        sink.complete();
                    }).subscribeOn(Schedulers.boundedElastic());
                }

                private Answer answer(String question) {
                    return new Answer("c1", "Risposta a " + question, false, "it", List.of(), "fake");
                }
            };
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    LogCapture jsonLines;
    LogCapture textLines;

    @BeforeEach
    void capture() {
        jsonLines = new LogCapture(true);
        textLines = new LogCapture(false);
    }

    @AfterEach
    void release() {
        jsonLines.close();
        textLines.close();
    }

    RawHttp.Response ask(String path, String question, String requestId) throws IOException {
        return RawHttp.postJson(server.getPort(), path, "{\"question\":\"" + question + "\"}",
                "X-Request-Id: " + requestId);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> parse(String line) {
        try {
            return json.readValue(line, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** The JSON event of the line holding {@code text}, once both formats are seen to name the request. */
    Map<String, Object> lineFor(String requestId, String text) {
        Map<String, Object> event = parse(jsonLines.linesWith(text).get(0));
        assertThat(mdc(event)).containsEntry("requestId", requestId);
        assertThat(textLines.linesWith(text)).singleElement().asString().contains("[" + requestId + "]");
        return event;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mdc(Map<String, Object> event) {
        return (Map<String, Object>) event.get("mdc");
    }

    @Test
    void given_a_request_when_the_answer_path_logs_then_both_formats_carry_the_request_id_and_no_key()
            throws Exception {
        assertThat(ask("/api/chat", "Quante GPU?", "log-plain-1").status()).isEqualTo(200);

        List<String> jsonLine = jsonLines.linesWith("Incorrect API key provided");
        List<String> textLine = textLines.linesWith("Incorrect API key provided");

        assertThat(jsonLine).hasSize(1);
        Map<String, Object> event = parse(jsonLine.get(0));
        assertThat(mdc(event)).containsEntry("requestId", "log-plain-1");
        assertThat(event.get("message").toString())
                .isEqualTo("Provider refused Quante GPU?: {\"error\":{\"message\":\"Incorrect API key provided: "
                        + "[redacted]\"}}");
        assertThat(textLine).singleElement().asString().contains(" [log-plain-1] ").contains("[redacted]");
        assertThat(jsonLines.lines()).noneMatch(l -> l.contains(KEY));
        assertThat(textLines.lines()).noneMatch(l -> l.contains(KEY));
    }

    @Test
    void given_a_streamed_answer_produced_on_another_thread_then_its_lines_carry_the_request_id() throws Exception {
        RawHttp.Response response = ask("/api/chat/stream", "Quanto spende Meta?", "log-sse-2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("event: done");
        Map<String, Object> event = lineFor("log-sse-2", "Streaming an answer to Quanto spende Meta?");
        assertThat(event.get("threadName").toString()).contains("boundedElastic");
    }

    @Test
    void given_a_server_error_then_its_line_names_the_request_and_its_stack_trace_keeps_no_key() throws Exception {
        RawHttp.Response response = ask("/api/chat", "boom", "log-500-3");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("provider said");
        Map<String, Object> event = lineFor("log-500-3", "Unhandled error on POST");
        assertThat(event.get("throwable").toString()).contains("bad key [redacted]");
        assertThat(jsonLines.linesWith("provider said")).as("the error is logged once, with the request id")
                .allSatisfy(line -> assertThat(mdc(parse(line))).containsEntry("requestId", "log-500-3"));
        assertThat(textLines.lines()).anyMatch(l -> l.contains("IllegalStateException: provider said"))
                .noneMatch(l -> l.contains(KEY));
    }

    @Test
    void given_json_format_then_every_line_is_a_json_object_with_a_rendered_message() throws Exception {
        ask("/api/chat", "Quante GPU?", "log-json-4");
        ask("/api/chat/stream", "Quante GPU?", "log-json-5");
        ask("/api/chat", "boom", "log-json-6");
        LOG.info("A line outside any request: {} and {}", 1, "two");

        List<String> lines = jsonLines.lines();

        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            Map<String, Object> event = parse(line);
            assertThat(event).containsKeys("timestamp", "level", "loggerName", "message");
        });
        assertThat(lines).noneMatch(l -> parse(l).get("message").toString().contains("{}"));
        assertThat(jsonLines.linesWith("A line outside any request: 1 and two")).hasSize(1);
    }

    @Test
    void given_a_refusal_at_the_door_then_its_line_and_answer_carry_the_request_id() throws Exception {
        RawHttp.Response response = RawHttp.get(server.getPort(), "/api/documents/" + "x".repeat(3000),
                "X-Request-Id: log-414-7");

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("X-Request-Id")).isEqualTo("log-414-7");
    }
}
