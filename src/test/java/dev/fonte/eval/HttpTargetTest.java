package dev.fonte.eval;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.eval.target.TargetFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.sse.Event;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.fonte.eval.CannedAnswers.citation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --url} against a Micronaut server started in the test, over a canned answer service: the application's own
 * chat controllers, and test-only controllers under {@code /eval-fake} speaking the documented contract (POST
 * /api/chat, POST /api/chat/stream with {@code sources}, {@code delta}, {@code done} events) or only its plain part.
 */
@MicronautTest(environments = HttpTargetTest.ENV)
class HttpTargetTest {

    static final String ENV = "eval-http-test";
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final CannedAnswers ANSWERS = new CannedAnswers()
            .answer("Quanto spenderà Meta nel 2025?", "Tra 60 e 65 miliardi di dollari [1].",
                    citation(1, "tra i 60 e i 65 miliardi di dollari"))
            .candidates("Quanto spenderà Meta nel 2025?", "meta-ai-2025-it.p5.s2", "meta-ai-2025-it.p4.s1")
            .answer("E l'anno scorso?", "38 miliardi [1].", citation(1, "38 miliardi nel 2024"));

    private static final String FIXTURE = """
            suite: remote
            minScore: 1.0
            cases:
              - id: capex
                question: "Quanto spenderà Meta nel 2025?"
                source: meta-ai-2025-it.p5
                assert: [ {cites: "65 miliardi"}, {language: it} ]
              - id: unanswerable
                question: "In quale stato sorgerà il data center?"
                assert: [ {refuses: true} ]
              - id: followup
                turns:
                  - question: "Quanto spenderà Meta nel 2025?"
                  - question: "E l'anno scorso?"
                    assert: [ {contains-any: ["38 miliardi"]} ]
            """;

    @Factory
    @Requires(env = ENV)
    static class FakeAnswers {
        @Bean
        @Singleton
        @Replaces(AnswerService.class)
        AnswerService answerService() {
            return ANSWERS;
        }
    }

    @Serdeable
    record ChatBody(String question, @Nullable String conversationId) {
    }

    /** The documented HTTP contract, test-only, under a prefix so it never collides with the real controllers. */
    @Controller("/eval-fake/api/chat")
    @Requires(env = ENV)
    static class FakeChatController {
        private final AnswerService answers;

        FakeChatController(AnswerService answers) {
            this.answers = answers;
        }

        @Post
        Answer chat(@Body ChatBody body) {
            return answers.answer(new Question(body.question(), body.conversationId()));
        }

        @Post(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
        Publisher<Event<Object>> stream(@Body ChatBody body) {
            return Flux.from(answers.stream(new Question(body.question(), body.conversationId()))).map(e -> {
                if (e instanceof AnswerEvent.Sources s) {
                    return Event.<Object>of(s).name("sources");
                } else if (e instanceof AnswerEvent.Done d) {
                    return Event.<Object>of(d.answer()).name("done");
                }
                return Event.<Object>of(e).name("delta");
            });
        }
    }

    /** A server that has only the plain endpoint: the harness falls back to it, without candidates. */
    @Controller("/eval-fake-plain/api/chat")
    @Requires(env = ENV)
    static class PlainChatController {
        private final AnswerService answers;

        PlainChatController(AnswerService answers) {
            this.answers = answers;
        }

        @Post
        Answer chat(@Body ChatBody body) {
            return answers.answer(new Question(body.question(), body.conversationId()));
        }
    }

    /**
     * A busy server behind a key: each question is first refused with 429 and {@code Retry-After: 1}, then answered;
     * it records the Authorization header of every request.
     */
    @Controller("/eval-fake-busy/api/chat")
    @Requires(env = ENV)
    static class BusyChatController {
        static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();
        static final java.util.List<String> AUTHORIZATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final FakeChatController answering;

        BusyChatController(AnswerService answers) {
            this.answering = new FakeChatController(answers);
        }

        @Post(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
        io.micronaut.http.HttpResponse<?> stream(@Body ChatBody body,
                                                 @io.micronaut.http.annotation.Header("Authorization")
                                                 @Nullable String authorization) {
            AUTHORIZATIONS.add(String.valueOf(authorization));
            if (REFUSED.add(body.question() + body.conversationId())) {
                return io.micronaut.http.HttpResponse.status(io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS)
                        .header("Retry-After", "1");
            }
            return io.micronaut.http.HttpResponse.ok(answering.stream(body));
        }
    }

    @Inject
    EmbeddedServer server;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void forget() {
        ANSWERS.conversationIdsAsked.clear();
    }

    @Test
    void evaluates_a_running_server_by_url_reading_candidates_from_the_event_stream() throws IOException {
        Path json = dir.resolve("report.json");

        int code = run("--url", server.getURL() + "/eval-fake", fixture().toString(), "--quiet", "--json",
                json.toString());

        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        Map<?, ?> overall = (Map<?, ?>) JSON.readValue(Files.readString(json), Map.class).get("overall");
        assertThat(overall.get("passed")).isEqualTo(3);
        assertThat(overall.get("refusalRecall")).isEqualTo(1.0);
        assertThat(overall.get("recallAt1")).as("measured over HTTP from the passage ids of the sources event")
                .isEqualTo(1.0);
        assertThat(Files.readString(json))
                .contains("\"candidates\":[\"meta-ai-2025-it.p5.s2\",\"meta-ai-2025-it.p4.s1\"]");
        assertThat(ANSWERS.conversationIdsAsked).containsKey("E l'anno scorso?");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("against " + server.getURL() + "/eval-fake/");
    }

    @Test
    void evaluates_the_real_chat_controllers_over_the_fake_answer_service() throws IOException {
        Path json = dir.resolve("report.json");

        int code = run("--url", server.getURL().toString(), fixture().toString(), "--quiet", "--json", json.toString());

        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        Map<?, ?> overall = (Map<?, ?>) JSON.readValue(Files.readString(json), Map.class).get("overall");
        assertThat(overall.get("passed")).isEqualTo(3);
        assertThat(Files.readString(json))
                .contains("\"candidates\":[\"meta-ai-2025-it.p5.s2\",\"meta-ai-2025-it.p4.s1\"]");
        assertThat(ANSWERS.conversationIdsAsked).containsKey("E l'anno scorso?");
    }

    @Test
    void falls_back_to_the_plain_chat_endpoint_when_the_server_has_no_stream() throws IOException {
        Path json = dir.resolve("report.json");

        int code = run("--url", server.getURL() + "/eval-fake-plain", fixture().toString(), "--quiet", "--json",
                json.toString());

        assertThat(code).isZero();
        Map<?, ?> overall = (Map<?, ?>) JSON.readValue(Files.readString(json), Map.class).get("overall");
        assertThat(overall.get("passed")).isEqualTo(3);
        // no candidates without the stream
        assertThat(Files.readString(json)).doesNotContain("meta-ai-2025-it.p5.s2");
    }

    @Test
    void given_a_server_that_asks_to_wait_then_each_question_is_asked_again_after_retry_after_with_the_api_key()
            throws IOException {
        BusyChatController.REFUSED.clear();
        BusyChatController.AUTHORIZATIONS.clear();
        Path json = dir.resolve("report.json");

        int code = run("--url", server.getURL() + "/eval-fake-busy", fixture().toString(), "--quiet",
                "--api-key", "eval-key-123", "--json", json.toString());

        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        Map<?, ?> overall = (Map<?, ?>) JSON.readValue(Files.readString(json), Map.class).get("overall");
        assertThat(overall.get("passed")).as("no case lost to the 429s").isEqualTo(3);
        // four questions, three of them distinct (the follow-up's first turn is the capex question): three refusals
        assertThat(BusyChatController.AUTHORIZATIONS).as("each distinct question was refused once, then answered")
                .hasSize(4 + 3).containsOnly("Bearer eval-key-123");
    }

    @Test
    void a_server_without_the_chat_api_fails_every_case_with_the_http_status() throws IOException {
        int code = run("--url", server.getURL() + "/nothing-here", fixture().toString(), "--quiet");

        assertThat(code).isEqualTo(Evaluation.UNDER_MINIMUM);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed:    no answer: HTTP 404");
    }

    private int run(String... args) {
        return new Evaluation(TargetFactory.standard(JSON), JSON,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private Path fixture() throws IOException {
        return Files.writeString(dir.resolve("remote.yaml"), FIXTURE);
    }

}
