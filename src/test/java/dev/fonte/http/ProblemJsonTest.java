package dev.fonte.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error of the API is application/problem+json with a clear detail: never a 500, never a stack trace. */
@MicronautTest
class ProblemJsonTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private BlockingHttpClient client;

    @BeforeEach
    void ready() throws InterruptedException {
        client = http.toBlocking();
        Problems.awaitHealthy(client, Duration.ofSeconds(60));
    }

    @Test
    void given_no_question_field_when_posting_then_400_says_question_is_required() {
        Problems.Problem p = Problems.of(client, json, HttpRequest.POST("/api/chat", Map.of("conversationId", "c1")));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(p.detail()).contains("'question'").contains("required");
    }

    @ParameterizedTest(name = "question \"{0}\"")
    @ValueSource(strings = {"", " ", "   \t\n  "})
    void given_an_empty_or_blank_question_when_posting_then_400_says_it_must_not_be_empty(String question) {
        Problems.Problem p = Problems.of(client, json, HttpRequest.POST("/api/chat", Map.of("question", question)));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(p.detail()).contains("'question'").contains("empty");
    }

    @Test
    void given_a_question_over_2000_characters_when_posting_then_400_names_the_limit_and_the_length() {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", Map.of("question", "Quanto spenderà Meta? ".repeat(100))));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(p.detail()).contains("2000").contains("2199");
    }

    @Test
    void given_a_question_of_exactly_2000_characters_after_trimming_when_posting_then_it_is_answered() {
        String question = "  " + "Quanto spenderà Meta nel 2025? ".repeat(70).substring(0, 2000) + "   ";

        var response = client.exchange(HttpRequest.POST("/api/chat", Map.of("question", question)), String.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"question\": ", "{question: 'x'}", "[]", "\"Quanto?\"", "{\"question\": \"a\",}"})
    void given_malformed_json_when_posting_then_400(String body) {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", body).contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void given_an_empty_body_when_posting_then_400_says_the_body_is_required() {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", "").contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(p.detail()).containsIgnoringCase("body");
    }

    @Test
    void given_text_plain_when_posting_then_415_names_the_allowed_type() {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", "Quanto spenderà Meta?").contentType(MediaType.TEXT_PLAIN_TYPE));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode());
        assertThat(p.detail()).contains("text/plain").contains("application/json");
    }

    @Test
    void given_a_bad_conversation_id_when_posting_then_400_explains_the_format() {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", Map.of("question", "Quanto?", "conversationId", "not valid!")));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(p.detail()).contains("conversationId");
    }

    @Test
    void given_an_unknown_citation_id_when_getting_it_then_404_names_the_id() {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/citations/nessun-documento:10-20"));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(p.detail()).contains("nessun-documento:10-20");
    }

    @ParameterizedTest(name = "citation id {0}")
    @ValueSource(strings = {"xyz", "meta-ai-2025-it", "meta-ai-2025-it:20-10", "meta-ai-2025-it:5-5",
            "meta-ai-2025-it:0-99999999", "META:1-2", "meta-ai-2025-it:-1-5"})
    void given_a_malformed_or_out_of_range_citation_id_when_getting_it_then_404(String id) {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/citations/" + id));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(p.detail()).contains("citation");
    }

    @Test
    void given_an_unknown_document_id_when_getting_it_then_404_names_the_id() {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/documents/nessun-documento"));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(p.detail()).contains("nessun-documento");
    }

    @Test
    void given_an_unknown_route_when_requested_then_404() {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/nothing/here"));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    void given_the_wrong_method_when_requested_then_405_not_a_500() {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/chat"));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED.getCode());
    }

    @Test
    void given_a_body_over_the_request_size_limit_when_posting_then_413_not_a_500() {
        Problems.Problem p = Problems.of(client, json,
                HttpRequest.POST("/api/chat", Map.of("question", "a".repeat(70_000))));

        assertThat(p.status().getCode()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
    }
}
