package dev.fonte.http;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sends a request expected to fail and reads its RFC 9457 problem body, checking what every error must be. */
public final class Problems {

    private Problems() {
    }

    /** A problem response: its status, content type and parsed body. */
    public record Problem(HttpStatus status, String contentType, Map<String, Object> body, String raw) {
        public String detail() {
            return String.valueOf(body.get("detail"));
        }
    }

    public static Problem of(BlockingHttpClient client, JsonMapper json, HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(request, Argument.of(String.class), Argument.of(String.class)));
        assertThat(e).as("%s %s should fail", request.getMethod(), request.getPath()).isNotNull();
        HttpResponse<?> response = e.getResponse();
        String raw = response.getBody(String.class).orElse("");
        Problem problem = new Problem(response.getStatus(),
                response.getContentType().map(Object::toString).orElse(""), parse(json, raw), raw);
        assertThat(problem.status().getCode()).as("never a server error").isLessThan(500);
        assertThat(problem.contentType()).isEqualTo("application/problem+json");
        assertThat(problem.body()).containsKeys("type", "title", "status", "detail");
        assertThat(problem.body().get("status")).isEqualTo(problem.status().getCode());
        assertThat(problem.detail()).isNotBlank();
        assertThat(raw).as("no stack trace in the body")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContainPattern("at [a-z]+\\.[a-z]+\\.");
        return problem;
    }

    /** Waits for GET /health to say UP (the index builds in the background). */
    public static void awaitHealthy(BlockingHttpClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.exchange(HttpRequest.GET("/health"), String.class).getStatus() == HttpStatus.OK) {
                    return;
                }
            } catch (HttpClientResponseException e) {
                // 503 while the index is being built
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health did not turn UP within " + timeout);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(JsonMapper json, String raw) {
        try {
            return json.readValue(raw, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("problem body is not JSON: " + raw, e);
        }
    }
}
