package dev.fonte.http;

import dev.fonte.answer.Answer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A corpus folder with bad files beside the article: the server starts and serves the article. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFileCorpusApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    private BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path folder = Files.createTempDirectory("fonte-bad-corpus");
            Files.copy(Path.of("corpus", "meta-ai-2025.it.md"), folder.resolve("meta-ai-2025.it.md"));
            Files.copy(Path.of("corpus", "glossary.synonyms"), folder.resolve("glossary.synonyms"));
            Files.write(folder.resolve("vuoto.md"), new byte[0]);
            Files.write(folder.resolve("immagine.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
            Files.write(folder.resolve("latino.md"), new byte[] {'c', 'a', 'f', 'f', (byte) 0xE8});
            Files.writeString(folder.resolve("rapporto.pdf"), "%PDF-1.7");
            return Map.of("fonte.corpus.path", folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void ready() throws InterruptedException {
        client = http.toBlocking();
        Problems.awaitHealthy(client, Duration.ofSeconds(60));
    }

    @Test
    void given_bad_files_beside_the_article_then_only_the_article_is_served() {
        List<Map<String, Object>> docs = client.retrieve(HttpRequest.GET("/api/documents"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(docs).extracting(d -> d.get("id")).containsExactly("meta-ai-2025-it");
    }

    @Test
    void given_bad_files_beside_the_article_then_questions_about_it_are_answered_from_it() {
        Answer answer = client.retrieve(HttpRequest.POST("/api/chat",
                Map.of("question", "Quante GPU userà Meta entro la fine dell'anno?")), Answer.class);

        assertThat(answer.answered()).isTrue();
        assertThat(answer.citations()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.documentId()).isEqualTo("meta-ai-2025-it"));
        assertThat(answer.answer()).contains("1,3 milioni");
    }
}
