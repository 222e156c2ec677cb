package dev.fonte.retrieval;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Over HTTP, while the first index is being built: a question gets a 503 at once with Retry-After; readiness says
 * why.
 */
class IndexNotReadyApiTest {

    @TempDir
    Path corpus;
    @TempDir
    Path index;

    private EmbeddedServer server;

    @AfterEach
    void stop() {
        ControlledEmbeddingModel.release();
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void while_the_first_index_is_built_a_question_is_a_503_with_retry_after_and_readiness_says_why()
            throws Exception {
        ControlledEmbeddingModel.reset();
        ControlledEmbeddingModel.hold = true;
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), corpus.resolve("meta-ai-2025.it.md"));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("fonte.corpus.path", corpus.toString(),
                "fonte.index.path", index.toString(), ControlledEmbeddingModel.PROPERTY, "true"));
        BlockingHttpClient client = HttpClient.create(server.getURL()).toBlocking();
        IndexManager indexes = server.getApplicationContext().getBean(IndexManager.class);

        HttpClientResponseException busy = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.POST("/api/chat", Map.of("question", "Quante GPU avrà Meta?")),
                        Argument.of(String.class), Argument.of(String.class)));
        HttpClientResponseException readiness = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.retrieve(HttpRequest.GET("/health/readiness"), Map.class));

        assertThat(indexes.isReady()).as("answered while the build still waits").isFalse();
        assertThat(busy.getStatus().getCode()).isEqualTo(503);
        assertThat(busy.getResponse().header("Retry-After")).isNotBlank();
        assertThat(busy.getResponse().getContentType().map(Object::toString)).contains("application/problem+json");
        Map<String, Object> problem = server.getApplicationContext().getBean(JsonMapper.class)
                .readValue(busy.getResponse().getBody(String.class).orElseThrow(), Map.class);
        assertThat((String) problem.get("detail")).contains("not ready").doesNotContain(corpus.toString());
        assertThat(readiness.getStatus().getCode()).isEqualTo(503);
        Map<String, Object> body = readiness.getResponse().getBody(Map.class).orElseThrow();
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                body.get("details")).get("index")).get("details");
        assertThat(details).containsEntry("phase", "building");
        assertThat((String) details.get("reason")).contains("being built");

        ControlledEmbeddingModel.release();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
        assertThat(client.exchange(HttpRequest.POST("/api/chat", Map.of("question", "Quante GPU avrà Meta?")))
                .getStatus().getCode()).isEqualTo(200);
    }
}
