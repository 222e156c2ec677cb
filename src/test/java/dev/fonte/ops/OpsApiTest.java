package dev.fonte.ops;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys, rate limits, request ids and the admin key, against the real application. */
@MicronautTest
@Property(name = "fonte.ops.api-keys", value = "bot-key-1,bot-key-2,bot-key-3")
@Property(name = "fonte.ops.admin-key", value = "admin-secret")
@Property(name = "fonte.ops.burst", value = "3")
@Property(name = "fonte.ops.rate-per-second", value = "0.2")
class OpsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    static MutableHttpRequest<?> ask(String key) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/chat", Map.of("question", "Quante GPU userà Meta?"));
        return key == null ? request : request.bearerAuth(key);
    }

    HttpClientResponseException refused(HttpRequest<?> request) {
        return (HttpClientResponseException) org.assertj.core.api.Assertions.catchThrowable(
                () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
    }

    @Test
    void given_keys_are_configured_when_a_bot_sends_none_or_a_wrong_one_then_401_problem_with_www_authenticate() {
        for (HttpClientResponseException e : new HttpClientResponseException[] {refused(ask(null)), refused(ask("nope"))}) {
            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
            assertThat(e.getResponse().getHeaders().get("WWW-Authenticate").startsWith("Bearer")).isTrue();
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        }
    }

    @Test
    void given_a_valid_key_then_the_question_is_answered() {
        HttpResponse<Map> response = client.toBlocking().exchange(ask("bot-key-1"), Map.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.body()).containsEntry("answered", true);
    }

    @Test
    void given_the_widget_on_the_servers_own_page_then_no_key_is_needed() {
        String origin = "http://localhost:" + server.getPort();
        HttpResponse<Map> response = client.toBlocking().exchange(
                ask(null).header("Origin", origin).header("Host", "localhost:" + server.getPort()), Map.class);

        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void given_a_burst_of_three_when_a_fourth_question_comes_at_once_then_429_with_retry_after() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.toBlocking().exchange(ask("bot-key-2"), Map.class).getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        }

        HttpClientResponseException e = refused(ask("bot-key-2"));

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
        assertThat(Long.parseLong(e.getResponse().getHeaders().get("Retry-After"))).isPositive();
        // another key has its own bucket
        assertThat(client.toBlocking().exchange(ask("bot-key-3"), Map.class).getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void every_response_echoes_a_sane_request_id_or_gets_a_new_one() {
        HttpResponse<?> mine = client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Request-Id", "bot-42.a"));
        HttpResponse<?> none = client.toBlocking().exchange(HttpRequest.GET("/health"));
        HttpResponse<?> insane = client.toBlocking().exchange(HttpRequest.GET("/health").header("X-Request-Id", "a b/c"));

        assertThat((Object) mine.getHeaders().get("X-Request-Id")).isEqualTo("bot-42.a");
        assertThat(none.getHeaders().get("X-Request-Id").length()).isEqualTo(36);
        assertThat(insane.getHeaders().get("X-Request-Id").length()).isEqualTo(36);
    }

    @Test
    void admin_operations_need_the_admin_key() {
        assertThat(refused(HttpRequest.POST("/api/admin/reindex", "")).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(refused(HttpRequest.POST("/api/admin/reindex", "").bearerAuth("bot-key-1")).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());

        HttpResponse<Map> status = client.toBlocking().exchange(
                HttpRequest.GET("/api/admin/index").bearerAuth("admin-secret"), Map.class);

        assertThat(status.body()).containsEntry("documents", 2).containsKey("builtAt");
    }

    @Test
    void prometheus_shows_answers_and_refusals_latency_histograms_and_the_index() {
        client.toBlocking().exchange(ask("bot-key-1"), Map.class);
        client.toBlocking().exchange(HttpRequest.POST("/api/chat", Map.of("question", "Mi dai la ricetta della carbonara?"))
                .bearerAuth("bot-key-1"), Map.class);

        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

        assertThat(metrics).contains("fonte_answers_total{answered=\"true\"").contains("fonte_answers_total{answered=\"false\"")
                .contains("fonte_index_sentences 42.0").contains("fonte_index_age_seconds")
                .contains("http_server_requests_seconds_bucket{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/api/chat\"");
    }
}
