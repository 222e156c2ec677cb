package dev.fonte.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys rotate through the key file without a restart, and a bad file never opens the API; the corpus watcher
 * re-indexes a changed folder.
 */
class KeyRotationAndWatchTest {

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    int ask(EmbeddedServer server, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Quante GPU userà Meta?\"}"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void given_a_key_file_when_it_is_rewritten_then_the_new_key_works_and_the_old_one_no_longer_does()
            throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# bots\nold-key-123\n");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("fonte.ops.api-keys-file", keys.toString()))) {
            assertThat(ask(server, "old-key-123")).isEqualTo(200);
            assertThat(ask(server, "new-key-456")).isEqualTo(401);

            Files.writeString(keys, "new-key-456\n");
            Files.setLastModifiedTime(keys, FileTime.from(Instant.now().plusSeconds(5)));

            assertThat(ask(server, "new-key-456")).isEqualTo(200);
            assertThat(ask(server, "old-key-123")).isEqualTo(401);
        }
    }

    @Test
    void given_a_key_file_that_holds_no_key_from_the_start_then_the_api_stays_closed() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# keys are added here\n\n");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("fonte.ops.api-keys-file", keys.toString()))) {
            assertThat(ask(server, null)).isEqualTo(401);
            assertThat(ask(server, "# keys are added here")).isEqualTo(401);
        }
    }

    @Test
    void given_a_good_key_file_when_it_is_emptied_commented_out_or_removed_then_its_keys_stay_and_it_is_logged_once()
            throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "old-key-123\n");
        Logger logger = (Logger) LoggerFactory.getLogger(ApiKeys.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("fonte.ops.api-keys-file", keys.toString()))) {
            assertThat(ask(server, "old-key-123")).isEqualTo(200);

            // a rotation that truncates first, then writes: caught in between
            Files.writeString(keys, "");
            assertThat(ask(server, "old-key-123")).isEqualTo(200);
            assertThat(ask(server, null)).isEqualTo(401);
            Files.writeString(keys, "# new-key-456 comes tomorrow\n");
            assertThat(ask(server, "old-key-123")).isEqualTo(200);
            Files.delete(keys);
            assertThat(ask(server, "old-key-123")).isEqualTo(200);
            assertThat(ask(server, "old-key-123")).isEqualTo(200);

            Files.writeString(keys, "new-key-456\n");
            assertThat(ask(server, "new-key-456")).isEqualTo(200);
            assertThat(ask(server, "old-key-123")).isEqualTo(401);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list.stream().filter(e -> e.getLevel() == Level.WARN))
                .as("one warning for the whole bad stretch").hasSize(1);
    }

    @Test
    void given_the_watcher_is_on_when_a_document_is_added_then_it_is_indexed_without_a_request() throws Exception {
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), dir.resolve("meta-ai-2025.it.md"));
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.corpus.path", dir.toString(),
                "fonte.corpus.watch", "true"))) {
            IndexManager indexes = context.getBean(IndexManager.class);
            assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(indexes.current().corpus().documents()).hasSize(1);

            Files.copy(Path.of("corpus/meta-ai-2025.en.md"), dir.resolve("meta-ai-2025.en.md"));

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (indexes.current().corpus().documents().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(indexes.current().corpus().documents()).hasSize(2);
        }
    }
}
