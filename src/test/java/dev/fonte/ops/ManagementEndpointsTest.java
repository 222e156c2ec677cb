package dev.fonte.ops;

import dev.fonte.retrieval.IndexManager;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Only the probes and metrics are public; the management endpoints that show or change the insides are off. */
@MicronautTest
class ManagementEndpointsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    IndexManager indexes;

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/health", "/health/liveness", "/health/readiness"})
    void given_the_index_is_built_then_every_probe_says_200_up(String probe) {
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();

        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(probe), String.class);

        assertThat(response.getStatus().getCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheus_metrics_are_served() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);

        assertThat(response.getStatus().getCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/routes", "/env", "/loggers", "/threaddump", "/info", "/refresh"})
    void inside_views_are_not_served(String path) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
        assertThat(e).as("GET %s must fail", path).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void refresh_cannot_be_posted() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/refresh", "{}"), String.class));
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }
}
