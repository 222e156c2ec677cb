package dev.fonte.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest {

    private static final String DOC = "doc";

    @Test
    void every_passage_text_is_the_exact_substring_of_its_document_text() {
        // given the real corpus
        Corpus corpus = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus();
        assertThat(corpus.documents()).isNotEmpty();

        // then every paragraph and sentence is the document text between its offsets
        for (Document d : corpus.documents()) {
            List<Passage> passages = Segmenter.segment(d.id(), d.language(), d.text());
            assertThat(passages).isNotEmpty();
            for (Passage p : passages) {
                assertThat(d.text().substring(p.start(), p.end())).as(p.id()).isEqualTo(p.text());
                assertThat(p.text()).as(p.id()).isNotBlank().isEqualTo(p.text().strip());
            }
        }
    }

    @Test
    void given_three_paragraphs_when_segmented_then_ids_are_one_based_and_sentences_lie_inside_their_paragraph() {
        String text = "Prima frase. Seconda frase!\n\nUn paragrafo solo.\n\nDomanda? Risposta. Fine.";

        List<Passage> passages = Segmenter.segment(DOC, "it", text);

        assertThat(passages).extracting(Passage::id).containsExactly(
                "doc.p1", "doc.p1.s1", "doc.p1.s2",
                "doc.p2", "doc.p2.s1",
                "doc.p3", "doc.p3.s1", "doc.p3.s2", "doc.p3.s3");
        assertThat(passages).filteredOn(p -> p.kind() == Passage.Kind.SENTENCE).extracting(Passage::text)
                .containsExactly("Prima frase.", "Seconda frase!", "Un paragrafo solo.", "Domanda?", "Risposta.",
                        "Fine.");
        Map<String, Passage> byId = passages.stream().collect(Collectors.toMap(Passage::id, Function.identity()));
        for (Passage p : passages) {
            assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
            Passage paragraph = byId.get(p.paragraphId());
            assertThat(p.start()).isGreaterThanOrEqualTo(paragraph.start());
            assertThat(p.end()).isLessThanOrEqualTo(paragraph.end());
        }
        assertThat(byId.get("doc.p3.s1").start()).isEqualTo(text.indexOf("Domanda?"));
    }

    @Test
    void given_a_decimal_written_with_a_comma_and_space_when_segmented_then_the_sentence_is_not_split_there() {
        // the article prints "1, 3 milioni": a comma, not a full stop, so the sentence must hold together
        String text = "Saranno operative oltre 1, 3 milioni di GPU. Lo ha detto Zuckerberg.";

        List<Passage> sentences = Segmenter.segment(DOC, "it", text).stream()
                .filter(p -> p.kind() == Passage.Kind.SENTENCE).toList();

        assertThat(sentences).extracting(Passage::text)
                .containsExactly("Saranno operative oltre 1, 3 milioni di GPU.", "Lo ha detto Zuckerberg.");
    }

    @Test
    void given_the_real_corpus_when_loaded_twice_then_every_passage_keeps_its_id_and_offsets() {
        List<Passage> first = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus().sentences();
        List<Passage> second = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus().sentences();

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(Passage::id).contains("meta-ai-2025-it.p1.s1", "meta-ai-2025-it.p2.s3");
    }

    @Test
    void given_a_folder_when_another_document_is_added_then_the_existing_passages_keep_their_ids_and_offsets(
            @TempDir Path folder) throws IOException {
        // given the Italian article alone
        Files.copy(ConfiguredChrome.CORPUS.resolve("meta-ai-2025.it.md"), folder.resolve("meta-ai-2025.it.md"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, Passage> before = passagesById(folder);
        assertThat(before).isNotEmpty();

        // when a document that sorts before it, and one after it, are added
        Files.writeString(folder.resolve("aaa-prima.md"),
                "---\ntitle: Prima\nlanguage: it\n---\nUn altro documento. Con due frasi.\n");
        Files.writeString(folder.resolve("zzz-ultima.txt"),
                "Un documento finale senza intestazione.\n\nSecondo paragrafo.\n");
        Map<String, Passage> after = passagesById(folder);

        // then every old passage is still there, unchanged, and the new ones have their own ids
        assertThat(after).containsAllEntriesOf(before);
        assertThat(after.keySet()).contains("aaa-prima.p1.s2", "zzz-ultima.p2.s1");
        assertThat(after).hasSize(before.size() + 3 + 4);
    }

    private static Map<String, Passage> passagesById(Path folder) {
        Corpus corpus = ConfiguredChrome.loader().load(folder).corpus();
        return corpus.documents().stream()
                .flatMap(d -> Segmenter.segment(d.id(), d.language(), d.text()).stream())
                .collect(Collectors.toMap(Passage::id, Function.identity()));
    }

    @Test
    void given_a_paragraph_longer_than_the_window_it_is_cut_between_sentences_into_windows_read_as_paragraphs() {
        // given one paragraph of twelve sentences of about 40 characters, and a window of 130
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            text.append(i == 1 ? "" : " ").append("Questa è la frase numero ").append(i).append(" del testo.");
        }

        List<Passage> passages = Segmenter.segment(DOC, "it", text.toString(), 130);

        List<Passage> paragraphs = passages.stream().filter(p -> p.kind() == Passage.Kind.PARAGRAPH).toList();
        List<Passage> sentences = passages.stream().filter(p -> p.kind() == Passage.Kind.SENTENCE).toList();
        assertThat(paragraphs).hasSizeGreaterThan(3)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(130));
        assertThat(sentences).hasSize(12);
        for (Passage p : passages) {
            assertThat(text.substring(p.start(), p.end())).as(p.id()).isEqualTo(p.text());
        }
        for (Passage s : sentences) {
            Passage window = paragraphs.stream().filter(p -> p.id().equals(s.paragraphId())).findFirst().orElseThrow();
            assertThat(s.start()).isGreaterThanOrEqualTo(window.start());
            assertThat(s.end()).isLessThanOrEqualTo(window.end());
        }
    }

    @Test
    void given_a_sentence_longer_than_the_window_it_is_cut_at_spaces_and_no_passage_is_longer() {
        String text = "parola ".repeat(100).strip();

        List<Passage> passages = Segmenter.segment(DOC, "it", text, 50);

        assertThat(passages).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(50));
        assertThat(passages).filteredOn(p -> p.kind() == Passage.Kind.SENTENCE)
                .allSatisfy(p -> assertThat(p.text()).doesNotStartWith(" ").doesNotEndWith(" ").endsWith("parola"));
        for (Passage p : passages) {
            assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
        }
    }

    @Test
    void given_paragraphs_within_the_window_the_segmentation_is_the_same_as_without_one() {
        String text = "Prima frase. Seconda frase!\n\nUn paragrafo solo.\n\nDomanda? Risposta. Fine.";

        assertThat(Segmenter.segment(DOC, "it", text, 1500)).isEqualTo(Segmenter.segment(DOC, "it", text));
    }

    @Test
    void a_period_that_ends_an_initial_or_an_abbreviation_does_not_end_the_sentence() {
        String text = "Wile E. Coyote inseguiva il Road Runner. La U.S. Navy e la Ferrari S.p.A. hanno firmato. "
                + "Il Dott. Rossi ha parlato alle 7 a.m. di ieri. Fine.";

        List<String> sentences = Segmenter.segment(DOC, "it", text).stream()
                .filter(p -> p.kind() == Passage.Kind.SENTENCE).map(Passage::text).toList();

        assertThat(sentences).containsExactly("Wile E. Coyote inseguiva il Road Runner.",
                "La U.S. Navy e la Ferrari S.p.A. hanno firmato.", "Il Dott. Rossi ha parlato alle 7 a.m. di ieri.",
                "Fine.");
    }
}
