package dev.fonte.corpus.translation;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;
import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OpenAiFakeServer;
import dev.fonte.http.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Machine renderings end to end: the real server over a corpus of an Italian document, an English one and the
 * announcement with its hand rendering, translating through LangChain4j's OpenAI client against a local fake of the
 * OpenAI wire protocol that gives known translations, and answers by quoting the source that holds a given phrase.
 */
class MachineTranslationTest {

    static final Duration BOUND = Duration.ofSeconds(60);
    static final String BRIDGE = "ponte-it-machine-en";
    static final String HARBOUR = "harbour-en-machine-it";

    @TempDir
    Path corpus;

    @TempDir
    Path cache;

    FakeModelServer model;
    /** The phrase the fake model's answer quotes the source of. */
    volatile String quoting = "";
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(CorpusTranslation.class);

    @BeforeEach
    void setUp() throws IOException {
        TwoTowns.write(corpus);
        for (String file : List.of("meta-ai-2025.it.md", "meta-ai-2025.en.md")) {
            Files.copy(Path.of("corpus", file), corpus.resolve(file));
        }
        model = new OpenAiFakeServer().replies(this::reply);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        model.close();
    }

    /** A translation request is a text to translate; an answer request lists its sources under "Sources:". */
    String reply(String userMessage) {
        if (!userMessage.contains("\nSources:\n")) {
            return TwoTowns.translate(userMessage);
        }
        return userMessage.lines().filter(l -> l.matches("\\[\\d+] .*") && l.contains(quoting)).findFirst()
                .map(l -> l.substring(l.indexOf(' ') + 1).replaceAll("[.]$", "") + " " + l.substring(0, l.indexOf(' '))
                        + ".")
                .orElse("NOT_IN_SOURCES");
    }

    EmbeddedServer start(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "fonte.corpus.path", corpus.toString(),
                "fonte.corpus.translate.enabled", "true",
                "fonte.corpus.translate.cache", cache.toString(),
                "fonte.answer.provider", "openai",
                "fonte.answer.base-url", model.baseUrl(),
                "fonte.answer.model", "fake-translator"));
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static BlockingHttpClient client(EmbeddedServer server) throws InterruptedException {
        BlockingHttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())
                .toBlocking();
        Problems.awaitHealthy(client, BOUND);
        return client;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + BOUND + ": " + what);
            }
            Thread.sleep(25);
        }
    }

    static void awaitIdle(EmbeddedServer server) throws InterruptedException {
        CorpusTranslation translation = server.getApplicationContext().getBean(CorpusTranslation.class);
        await("the translation pass ends", translation::idle);
    }

    static List<Map<String, Object>> documents(BlockingHttpClient client) {
        return client.retrieve(HttpRequest.GET("/api/documents"), Argument.listOf(Argument.mapOf(String.class,
                Object.class)));
    }

    static Map<String, Object> document(BlockingHttpClient client, String id) {
        return documents(client).stream().filter(d -> d.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no document " + id));
    }

    static String text(BlockingHttpClient client, String id) {
        return (String) client.retrieve(HttpRequest.GET("/api/documents/" + id), Map.class).get("text");
    }

    Answer ask(BlockingHttpClient client, String question, String quoting) {
        this.quoting = quoting;
        return client.retrieve(HttpRequest.POST("/api/chat", Map.of("question", question)), Answer.class);
    }

    List<FakeModelServer.Received> translationRequests() {
        return model.received().stream().filter(r -> r.body().contains("You translate")).toList();
    }

    /** The citation's original span is where it says in the source document, and quotes it exactly. */
    static void assertOriginalIsExact(BlockingHttpClient client, Citation.Original original, String sourceId) {
        assertThat(original).isNotNull();
        assertThat(original.documentId()).isEqualTo(sourceId);
        assertThat(text(client, sourceId).substring(original.start(), original.end())).isEqualTo(original.text());
    }

    @Test
    void given_documents_in_two_languages_then_each_gets_a_kept_aligned_machine_rendering_cited_with_its_original()
            throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            BlockingHttpClient client = client(server);
            await("both renderings are served", () -> documents(client).stream().map(d -> d.get("id"))
                    .toList().containsAll(List.of(BRIDGE, HARBOUR)));
            awaitIdle(server);

            // the renderings are listed and marked; the hand rendering of the announcement stays the only one of it
            Map<String, Object> bridge = document(client, BRIDGE);
            assertThat(bridge).containsEntry("machineTranslation", true)
                    .containsEntry("translatedBy", "openai:fake-translator")
                    .containsEntry("translationOf", "ponte-it").containsEntry("language", "en")
                    .containsEntry("title", "Trento opens its new bridge");
            assertThat(document(client, "meta-ai-2025-en")).containsEntry("machineTranslation", false);
            assertThat(documents(client)).extracting(d -> d.get("id")).containsExactlyInAnyOrder("harbour-en",
                    "meta-ai-2025-en", "meta-ai-2025-it", "ponte-it", BRIDGE, HARBOUR);
            assertThat(model.received()).as("the announcement, rendered by hand, is never sent to the model")
                    .noneMatch(r -> r.body().contains("Zuckerberg"));
            assertThat(translationRequests()).as("one call per title and per paragraph").hasSize(6);
            assertThat(translationRequests().get(0).json().path("max_tokens").asInt()).isEqualTo(2048);

            // kept on disk, one file per translated text
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList()).hasSize(6).contains("Riapre il porto di Dover")
                        .anySatisfy(t -> assertThat(t).contains("The bridge is 240 metres long"));
            }

            // aligned: a sentence of the rendering resolves to the sentence it translates
            String rendering = text(client, BRIDGE);
            String sentence = "The bridge is 240 metres long and costs 12 million euros.";
            int start = rendering.indexOf(sentence);
            Map<?, ?> cited = client.retrieve(HttpRequest.GET("/api/citations/" + BRIDGE + ":" + start + "-"
                    + (start + sentence.length())), Map.class);
            assertThat(cited.get("machineTranslation")).isEqualTo(true);
            Map<?, ?> original = (Map<?, ?>) cited.get("original");
            assertThat(original.get("text")).isEqualTo("Il ponte è lungo 240 metri e costa 12 milioni di euro.");
            assertThat(text(client, "ponte-it").substring((int) original.get("start"), (int) original.get("end")))
                    .isEqualTo(original.get("text"));
            assertThat(client.retrieve(HttpRequest.GET("/api/citations/meta-ai-2025-en:0-20"), Map.class))
                    .as("a hand rendering's span is not marked").containsKey("original")
                    .doesNotContainKey("machineTranslation");

            // a question in the other language is answered from the rendering, cited with the original's span
            Answer english = ask(client, "How long is the new bridge in Trento?", "240 metres");
            assertThat(english.answered()).isTrue();
            assertThat(english.answer()).contains("240 metres");
            Citation fromBridge = english.citations().stream().filter(c -> c.documentId().equals(BRIDGE))
                    .findFirst().orElseThrow();
            assertThat(fromBridge.machineTranslation()).isTrue();
            assertThat(text(client, BRIDGE).substring(fromBridge.start(), fromBridge.end()))
                    .isEqualTo(fromBridge.text());
            assertOriginalIsExact(client, fromBridge.original(), "ponte-it");
            assertThat(fromBridge.original().text()).contains("240 metri");

            Answer italian = ask(client, "Quanto sono costate le riparazioni del porto di Dover?", "3 milioni");
            assertThat(italian.answered()).isTrue();
            Citation fromHarbour = italian.citations().stream().filter(c -> c.documentId().equals(HARBOUR))
                    .findFirst().orElseThrow();
            assertThat(fromHarbour.text()).contains("3 milioni di sterline");
            assertOriginalIsExact(client, fromHarbour.original(), "harbour-en");
            assertThat(fromHarbour.original().text())
                    .isEqualTo("Repairs cost 3 million pounds, the port authority said.");
            assertThat(log.list).filteredOn(e -> e.getLevel().toString().equals("INFO"))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("Translated document ponte-it from it into en"))
                    .anySatisfy(m -> assertThat(m).startsWith("Translated document harbour-en from en into it"));
            assertThat(server.getApplicationContext().getBean(MeterRegistry.class)
                    .counter("fonte.translations", "outcome", "translated").count()).isEqualTo(2);
        }

        model.forget();
        try (EmbeddedServer again = start(Map.of())) {
            BlockingHttpClient client = client(again);
            awaitIdle(again);

            assertThat(documents(client)).extracting(d -> d.get("id")).contains(BRIDGE, HARBOUR);
            assertThat(translationRequests()).as("a second start translates nothing again").isEmpty();

            // the embedded default, answering when the provider fails, reads the rendering like any document
            model.failsWith(500);
            Answer english = ask(client, "How long is the bridge?", "");
            Answer italian = ask(client, "Quanto sono costate le riparazioni del porto di Dover?", "");
            assertThat(english.model()).startsWith("extractive");
            assertThat(english.answer()).contains("240 metres");
            assertThat(english.citations()).singleElement().satisfies(c -> {
                assertThat(c.documentId()).isEqualTo(BRIDGE);
                assertThat(c.machineTranslation()).isTrue();
                assertOriginalIsExact(client, c.original(), "ponte-it");
            });
            assertThat(italian.answer()).contains("3 milioni di sterline");
            assertThat(italian.citations()).singleElement().satisfies(c -> {
                assertThat(c.documentId()).isEqualTo(HARBOUR);
                assertOriginalIsExact(client, c.original(), "harbour-en");
            });
        }
    }

    @Test
    void given_a_provider_that_fails_then_the_documents_are_served_in_their_own_language_and_the_index_serves()
            throws Exception {
        model.failsWith(500);
        try (EmbeddedServer server = start(Map.of())) {
            BlockingHttpClient client = client(server);
            awaitIdle(server);

            assertThat(documents(client)).extracting(d -> d.get("id")).containsExactlyInAnyOrder("harbour-en",
                    "meta-ai-2025-en", "meta-ai-2025-it", "ponte-it");
            assertThat(log.list).filteredOn(e -> e.getLevel().toString().equals("WARN"))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("Not translating document ponte-it into en: the title: "
                            + "openai:fake-translator failed (HTTP 5xx)").endsWith("it is served in it only"))
                    .anySatisfy(m -> assertThat(m).startsWith("Not translating document harbour-en into it"));
            assertThat(server.getApplicationContext().getBean(MeterRegistry.class)
                    .counter("fonte.translations", "outcome", "skipped").count()).isEqualTo(2);
            Answer answer = ask(client, "Quanto è lungo il nuovo ponte di Trento?", "240");
            assertThat(answer.answered()).isTrue();
            assertThat(answer.citations()).anySatisfy(c -> assertThat(c.documentId()).isEqualTo("ponte-it"));
            assertThat(cache).isEmptyDirectory();
        }
    }

    @Test
    void given_translation_on_with_the_embedded_default_then_one_line_says_why_nothing_is_translated()
            throws Exception {
        try (EmbeddedServer server = start(Map.of("fonte.answer.provider", "extractive"))) {
            BlockingHttpClient client = client(server);
            awaitIdle(server);

            assertThat(documents(client)).hasSize(4);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("no language model is configured")).hasSize(1);
            assertThat(model.received()).isEmpty();
        }
    }

    @Test
    void given_a_target_language_that_is_not_a_code_then_the_server_refuses_to_start() {
        assertThatThrownBy(() -> start(Map.of("fonte.corpus.translate.languages", "English")).close())
                .hasStackTraceContaining("must be a two-letter ISO 639-1 code");
    }
}
