package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dense search within one document: its sentences are found by the keys of their vectors and compared with the
 * question by the vectors the index keeps, and only the best are read as text.
 */
class DenseSearchWithinTest {

    /** Vectors that mean something: a count of each word, hashed into 64 dimensions. */
    private static float[] wordCounts(String text) {
        float[] v = new float[64];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), 64)]++;
            }
        }
        return v;
    }

    // the plant's report: the engineers sentence is the one a question about engineers is after; the same sentence
    // stands twice, in two paragraphs (equal scores); the other document says the question's words too, and must
    // never be among the report's sentences
    private static final String REPORT = """
            The plant employs 338 engineers in Oslo. Its roof is green.

            The plant opened in 2019 after two years of work. The plant employs 338 engineers in Oslo.

            Visitors come on Sundays.""";
    private static final String OTHER = "Engineers at the other plant in Oslo are 40. The plant employs engineers.";

    /** Texts the model embedded. */
    private final AtomicInteger embedded = new AtomicInteger();
    private final EmbeddingModel model = segments -> Response.from(segments.stream().map(s -> {
        embedded.incrementAndGet();
        return Embedding.from(wordCounts(s.text()));
    }).toList());
    private PassageIndex index;

    @BeforeEach
    void build() {
        List<Document> documents = List.of(new Document("report", "Report", "en", null, null, null, REPORT),
                new Document("other", "Other", "en", null, null, null, OTHER));
        List<Passage> passages = new ArrayList<>();
        documents.forEach(d -> passages.addAll(Segmenter.segment(d.id(), d.language(), d.text())));
        index = PassageIndex.build(new Corpus(documents, passages), Glossary.empty(), 0.3, model);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void the_best_sentences_of_a_document_are_its_nearest_to_the_question_best_first() {
        String question = "How many engineers does the plant employ in Oslo?";

        List<ScoredPassage> best = index.searchDenseWithin("report", question, 3);

        // the same ranking as comparing the question with each of the report's sentences one by one
        float[] q = Embedder.normalised(wordCounts(question));
        List<Passage> sentences = new ArrayList<>();
        index.corpus().paragraphs("report").forEach(p -> sentences.addAll(index.corpus().sentencesOf(p)));
        List<String> expected = sentences.stream()
                .sorted(Comparator.comparingDouble((Passage p) -> -Embedder.dot(q,
                        Embedder.normalised(wordCounts(p.text())))))
                .limit(3).map(Passage::id).toList();
        assertThat(best).extracting(s -> s.passage().id()).containsExactlyElementsOf(expected);
        assertThat(best).allSatisfy(s -> assertThat(s.passage().documentId()).isEqualTo("report"));
        assertThat(best.get(0).passage().text()).isEqualTo("The plant employs 338 engineers in Oslo.");
        assertThat(best.get(0).score()).isCloseTo((1 + Embedder.dot(q,
                Embedder.normalised(wordCounts(best.get(0).passage().text())))) / 2, within(1e-6));
    }

    @Test
    void sentences_with_equal_scores_come_in_text_order() {
        List<ScoredPassage> best = index.searchDenseWithin("report", "The plant employs 338 engineers in Oslo.", 2);

        assertThat(best).extracting(s -> s.passage().id())
                .containsExactly(Passage.sentenceId("report", 1, 1), Passage.sentenceId("report", 2, 2));
        assertThat(best.get(0).score()).isEqualTo(best.get(1).score());
    }

    @Test
    void the_sentences_vectors_are_read_from_the_index_and_only_the_question_is_embedded() {
        embedded.set(0);

        index.searchDenseWithin("report", "When did the plant open?", 2);

        assertThat(embedded).hasValue(1);
    }

    @Test
    void a_document_the_index_does_not_have_has_no_best_sentences() {
        assertThat(index.searchDenseWithin("missing", "When did the plant open?", 2)).isEmpty();
    }
}
