package dev.fonte.http;

import dev.fonte.answer.Answer;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An empty corpus folder: the server starts, says it is not ready and why, and refuses every question. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyCorpusApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("fonte.corpus.path", Files.createTempDirectory("fonte-empty-corpus").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    IndexManager indexes;

    @BeforeEach
    void built() {
        client = http.toBlocking();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Quanto spenderà Meta nel 2025?", "Riassumi l'articolo", "Chi è il CEO di Meta?"})
    void given_an_empty_corpus_every_italian_question_is_refused_in_italian(String question) {
        Answer answer = client.retrieve(HttpRequest.POST("/api/chat", Map.of("question", question)), Answer.class);

        assertThat(answer.answered()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.language()).isEqualTo("it");
        assertThat(answer.answer()).startsWith("Non posso rispondere");
    }

    @Test
    void given_an_empty_corpus_an_english_question_is_refused_in_english() {
        Answer answer = client.retrieve(HttpRequest.POST("/api/chat",
                Map.of("question", "How much will Meta spend?")), Answer.class);

        assertThat(answer.answered()).isFalse();
        assertThat(answer.language()).isEqualTo("en");
        assertThat(answer.answer()).startsWith("I cannot answer");
    }

    @Test
    void given_an_empty_corpus_there_are_no_documents_and_no_citation_resolves() {
        assertThat(client.retrieve(HttpRequest.GET("/api/documents"), Argument.listOf(Map.class))).isEmpty();
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/citations/meta-ai-2025-it:0-10"));
        assertThat(p.status().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void given_an_empty_corpus_readiness_is_down_and_says_the_corpus_has_no_documents() {
        HttpClientResponseException e = catchThrowableOfType(
                () -> client.retrieve(HttpRequest.GET("/health/readiness"), Map.class),
                HttpClientResponseException.class);

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        Map<String, Object> body = e.getResponse().getBody(Map.class).orElseThrow();
        Map<String, Object> index = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("index");
        Map<String, Object> details = (Map<String, Object>) index.get("details");
        assertThat(index.get("status")).isEqualTo("DOWN");
        assertThat(details.get("phase")).isEqualTo("empty");
        assertThat((String) details.get("reason")).contains("no documents");
    }

    @Test
    void given_an_empty_corpus_the_stream_ends_with_a_refusal() {
        List<String> events = http.toBlocking().retrieve(HttpRequest.POST("/api/chat/stream",
                Map.of("question", "Quanto spenderà Meta?")), String.class).lines().toList();

        assertThat(events).contains("event: done");
        assertThat(String.join("\n", events)).contains("\"answered\":false");
    }
}
