package dev.fonte.ops;

import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * API keys, per-key budgets, request ids, the admin key and metrics, against the real application. Each test that
 * spends a budget uses a key of its own, so no test depends on what another one spent.
 */
@MicronautTest
@Property(name = "fonte.ops.api-keys", value = "answer-key,rate-key,other-rate-key,metrics-key,admin-test-key")
@Property(name = "fonte.ops.admin-key", value = "admin-secret")
@Property(name = "fonte.ops.burst", value = "3")
@Property(name = "fonte.ops.rate-per-second", value = "0.2")
class OpsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IndexManager indexes;

    @BeforeEach
    void ready() {
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    static MutableHttpRequest<?> ask(String key) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/chat", Map.of("question", "Quante GPU userà Meta?"));
        return key == null ? request : request.bearerAuth(key);
    }

    HttpClientResponseException refused(HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
        assertThat(e).as("%s %s must be refused", request.getMethod(), request.getPath()).isNotNull();
        return e;
    }

    @Test
    void given_keys_are_configured_when_a_bot_sends_none_or_a_wrong_one_then_401_problem_with_www_authenticate() {
        for (HttpClientResponseException e : List.of(refused(ask(null)), refused(ask("nope")))) {
            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
            assertThat(e.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"fonte\"");
            assertThat(e.getResponse().getContentType())
                    .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        }
    }

    @Test
    void given_a_valid_key_then_the_question_is_answered() {
        HttpResponse<Map> response = client.toBlocking().exchange(ask("answer-key"), Map.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.body()).containsEntry("answered", true);
    }

    @Test
    void given_a_burst_of_three_when_a_fourth_question_comes_at_once_then_429_with_retry_after_and_other_keys_go_on() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.toBlocking().exchange(ask("rate-key"), Map.class).getStatus().getCode())
                    .isEqualTo(HttpStatus.OK.getCode());
        }

        HttpClientResponseException e = refused(ask("rate-key"));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
        // 3 in any window of 15 s (3 at 0.2/s): the three slide out of the window within two of them
        assertThat(Long.parseLong(e.getResponse().getHeaders().get("Retry-After"))).isBetween(1L, 30L);
        assertThat(client.toBlocking().exchange(ask("other-rate-key"), Map.class).getStatus().getCode())
                .as("another key has its own budget").isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void every_response_echoes_a_sane_request_id_or_gets_a_new_one() {
        BlockingHttpClient http = client.toBlocking();
        HttpResponse<?> mine = http.exchange(HttpRequest.GET("/health").header("X-Request-Id", "bot-42.a"));
        HttpResponse<?> none = http.exchange(HttpRequest.GET("/health"));
        HttpResponse<?> insane = http.exchange(HttpRequest.GET("/health").header("X-Request-Id", "a b/c"));

        assertThat((Object) mine.getHeaders().get("X-Request-Id")).isEqualTo("bot-42.a");
        assertThat(none.getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(insane.getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void admin_operations_need_the_admin_key_not_an_api_key() {
        HttpClientResponseException none = refused(HttpRequest.POST("/api/admin/reindex", ""));
        HttpClientResponseException apiKey = refused(HttpRequest.POST("/api/admin/reindex", "")
                .bearerAuth("admin-test-key"));

        assertThat(none.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(apiKey.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(apiKey.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"fonte-admin\"");
        HttpResponse<Map> status = client.toBlocking().exchange(
                HttpRequest.GET("/api/admin/index").bearerAuth("admin-secret"), Map.class);
        assertThat(status.body()).containsEntry("documents", indexes.current().corpus().documents().size())
                .containsKey("builtAt");
    }

    @Test
    void prometheus_shows_answers_and_refusals_latency_histograms_and_the_index() {
        client.toBlocking().exchange(ask("metrics-key"), Map.class);
        client.toBlocking().exchange(HttpRequest.POST("/api/chat",
                Map.of("question", "Mi dai la ricetta della carbonara?")).bearerAuth("metrics-key"), Map.class);

        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

        assertThat(metrics).contains("fonte_answers_total{answered=\"true\"")
                .contains("fonte_answers_total{answered=\"false\"")
                .contains("fonte_index_sentences " + (double) indexes.current().size())
                .contains("fonte_index_age_seconds")
                .contains("http_server_requests_seconds_bucket{exception=\"none\",method=\"POST\",status=\"200\","
                        + "uri=\"/api/chat\"");
    }
}
