package dev.fonte.corpus;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusLoaderTest {

    private static final String GOOD =
            "---\ntitle: Un documento valido\nlanguage: it\n---\nMeta investirà molto. Lo dice l'articolo.\n";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger loaderLog = (Logger) LoggerFactory.getLogger(CorpusLoader.class);

    @BeforeEach
    void captureLog() {
        log.start();
        loaderLog.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        loaderLog.detachAppender(log);
    }

    @Test
    void given_bad_files_beside_a_good_one_when_loaded_then_each_bad_file_is_skipped_with_a_log_line_naming_it(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("buono.md"), GOOD);
        Files.write(folder.resolve("vuoto.md"), new byte[0]);
        Files.write(folder.resolve("binario.txt"), new byte[] {'a', 'b', 0, 1, 2, 0, 'c'});
        // "perché" in ISO-8859-1: the 0xE9 byte is not valid UTF-8
        Files.write(folder.resolve("latino.md"), new byte[] {'p', 'e', 'r', 'c', 'h', (byte) 0xE9, '\n'});
        Files.writeString(folder.resolve("rapporto.pdf"), "%PDF-1.7 not a document type we read");
        Files.writeString(folder.resolve("solo-chrome.md"), "Lascia un commento\n\nFonte e immagini\n");

        CorpusLoader.Result result = ConfiguredChrome.loader().load(folder);

        assertThat(result.corpus().documents()).extracting(Document::id).containsExactly("buono");
        assertThat(result.corpus().sentences()).hasSize(2);
        assertThat(result.skipped()).extracting(s -> s.file().getFileName().toString())
                .containsExactlyInAnyOrder("vuoto.md", "binario.txt", "latino.md", "rapporto.pdf", "solo-chrome.md");
        assertThat(reason(result, "vuoto.md")).contains("empty");
        assertThat(reason(result, "binario.txt")).contains("binary");
        assertThat(reason(result, "latino.md")).contains("UTF-8");
        assertThat(reason(result, "rapporto.pdf")).contains(".pdf");
        assertThat(reason(result, "solo-chrome.md")).contains("no text");
        for (String name : List.of("vuoto.md", "binario.txt", "latino.md", "rapporto.pdf", "solo-chrome.md")) {
            assertThat(log.list).as("a warning naming " + name)
                    .anySatisfy(e -> {
                        assertThat(e.getLevel().toString()).isEqualTo("WARN");
                        assertThat(e.getFormattedMessage()).contains(name).contains("Skipping");
                    });
        }
    }

    @Test
    void given_two_files_that_map_to_the_same_id_when_loaded_then_the_second_is_skipped_and_the_first_kept(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("Meta AI.md"), GOOD);
        Files.writeString(folder.resolve("meta-ai.txt"), "Un altro testo. Con la stessa id.\n");

        CorpusLoader.Result result = ConfiguredChrome.loader().load(folder);

        assertThat(result.corpus().documents()).extracting(Document::id).containsExactly("meta-ai");
        assertThat(result.corpus().document("meta-ai").orElseThrow().title()).isEqualTo("Un documento valido");
        assertThat(result.skipped()).extracting(s -> s.file().getFileName().toString()).containsExactly("meta-ai.txt");
    }

    @Test
    void given_an_empty_folder_when_loaded_then_the_corpus_is_empty_and_nothing_is_skipped(@TempDir Path folder) {
        CorpusLoader.Result result = ConfiguredChrome.loader().load(folder);

        assertThat(result.corpus().isEmpty()).isTrue();
        assertThat(result.corpus().sentences()).isEmpty();
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void given_a_folder_that_does_not_exist_when_loaded_then_a_corpus_exception_names_it(@TempDir Path parent) {
        Path missing = parent.resolve("nessuna-cartella");

        assertThatThrownBy(() -> ConfiguredChrome.loader().load(missing))
                .isInstanceOf(CorpusException.class).hasMessageContaining("nessuna-cartella");
    }

    @Test
    void given_the_glossary_and_hidden_files_when_loaded_then_they_are_neither_documents_nor_skipped(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("buono.md"), GOOD);
        Files.writeString(folder.resolve("glossary.synonyms"), "gpu, chip grafici\n");
        Files.writeString(folder.resolve(".DS_Store"), "\0\0binary");

        CorpusLoader.Result result = ConfiguredChrome.loader().load(folder);

        assertThat(result.corpus().documents()).extracting(Document::id).containsExactly("buono");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void
    given_a_plain_text_file_without_header_when_loaded_then_title_comes_from_its_first_line_and_language_is_detected(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("Note di Lavoro.txt"),
                "\uFEFFNote sul piano di Meta\r\n\r\nLa società spenderà 65 miliardi di dollari nel 2025.\r\n");
        Files.writeString(folder.resolve("notes.md"),
                "Notes on the plan\n\nThe company will spend $65 billion this year.\n");

        Corpus corpus = ConfiguredChrome.loader().load(folder).corpus();

        Document it = corpus.document("note-di-lavoro").orElseThrow();
        assertThat(it.title()).isEqualTo("Note sul piano di Meta");
        assertThat(it.language()).isEqualTo("it");
        assertThat(it.text()).doesNotContain("\r").doesNotStartWith("\uFEFF");
        assertThat(corpus.document("notes").orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void given_a_front_matter_that_is_never_closed_when_loaded_then_the_file_is_skipped_with_a_warning_naming_it(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("buono.md"), GOOD);
        Files.writeString(folder.resolve("aperto.md"), "---\ntitle: Un header mai chiuso\nlanguage: it\n\n"
                + "Meta investirà 65 miliardi. Il testo segue l'header.\n");

        CorpusLoader.Result result = ConfiguredChrome.loader().load(folder);

        assertThat(result.corpus().documents()).extracting(Document::id).containsExactly("buono");
        assertThat(reason(result, "aperto.md")).contains("never closed");
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains("aperto.md").contains("never closed");
        });
    }

    @Test
    void given_an_unknown_language_in_the_front_matter_when_loaded_then_a_warning_names_the_file_and_the_text_decides(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("lingua.md"), "---\ntitle: Una lingua sconosciuta\nlanguage: xx\n---\n"
                + "La società spenderà 65 miliardi di dollari nel 2025 per i suoi centri dati.\n");

        Document document = ConfiguredChrome.loader().load(folder).corpus().document("lingua").orElseThrow();

        assertThat(document.language()).isEqualTo("it");
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains("lingua.md").contains("'xx'").contains("detected");
        });
    }

    @Test
    void given_the_readmes_header_with_comments_when_loaded_then_the_language_and_translation_are_the_values_only(
            @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("original.md"), GOOD);
        Files.writeString(folder.resolve("rendering.md"), """
                ---
                title: An English rendering
                language: en                 # it | en (detected when missing)
                translation_of: original     # optional: aligned paragraph by paragraph
                ---
                Meta will invest a lot. The article says so.
                """);

        Document rendering = ConfiguredChrome.loader().load(folder).corpus().document("rendering").orElseThrow();

        assertThat(rendering.language()).isEqualTo("en");
        assertThat(rendering.translationOf()).isEqualTo("original");
        assertThat(log.list).noneSatisfy(e -> assertThat(e.getLevel().toString()).isEqualTo("WARN"));
    }

    @Test
    void file_names_become_lowercase_dashed_document_ids() {
        assertThat(CorpusLoader.documentId("Meta AI 2025.it.md")).isEqualTo("meta-ai-2025-it");
        assertThat(CorpusLoader.documentId("meta-ai-2025.en.md")).isEqualTo("meta-ai-2025-en");
        assertThat(CorpusLoader.documentId("__Perché?.txt")).isEqualTo("perch");
        assertThat(CorpusLoader.documentId("???.md")).isEqualTo("document");
    }

    private static String reason(CorpusLoader.Result result, String name) {
        return result.skipped().stream().filter(s -> s.file().getFileName().toString().equals(name))
                .findFirst().orElseThrow().reason();
    }
}
