package dev.fonte.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Only readiness and metrics are public; the management endpoints that show or change the insides are off. */
@MicronautTest
class ManagementEndpointsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void health_and_metrics_are_served() {
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class).getStatus().getCode())
                .isEqualTo(200);
        // 200 once the index is ready, 503 before: either way the endpoint answers
        HttpClientResponseException e = null;
        int status;
        try {
            status = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus().getCode();
        } catch (HttpClientResponseException ex) {
            e = ex;
            status = ex.getStatus().getCode();
        }
        assertThat(status).as("health: %s", e).isIn(200, 503);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/routes", "/env", "/loggers", "/threaddump", "/info", "/refresh"})
    void inside_views_are_not_served(String path) {
        HttpClientResponseException e = catchThrowableOfType(
                () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class), HttpClientResponseException.class);
        assertThat(e).as("GET %s must fail", path).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void refresh_cannot_be_posted() {
        HttpClientResponseException e = catchThrowableOfType(
                () -> client.toBlocking().exchange(HttpRequest.POST("/refresh", "{}"), String.class),
                HttpClientResponseException.class);
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isIn(404, 405);
    }
}
