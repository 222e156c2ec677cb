package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.fonte.language.Lexicon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The best sentence of the document most about a question: the shipping line's document names the line in most
 * sentences, and says the fact asked for in one that leaves it implicit; other lines' documents say the same kind of
 * fact, so that the fact's words are common and the line's name is rare.
 */
class DocumentSentencesTest {

    private static final Map<String, String> TITLES = Map.of(
            "aurora", "Aurora Shipping expands its fleet",
            "halden", "Halden Lines", "borea", "Borea Lines", "marlow", "Marlow Lines");
    private static final Map<String, String> TEXTS = Map.of(
            "aurora", """
                    Aurora Shipping published its plan on Monday. Aurora Shipping was founded a century ago.

                    The company employs 300 sailors in its home port.
                    """,
            "halden", "Halden Lines employs 90 sailors.",
            "borea", "Borea Lines employs 40 sailors.",
            "marlow", "Marlow Lines employs 20 sailors.");

    private static PassageIndex index;

    @BeforeAll
    static void build() {
        List<Document> documents = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        TEXTS.forEach((id, text) -> {
            documents.add(new Document(id, TITLES.get(id), "en", null, null, null, text));
            passages.addAll(Segmenter.segment(id, "en", text));
        });
        index = PassageIndex.build(new Corpus(documents, passages), Glossary.empty(), 0.3);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** The candidates of the one document most about the question: its single best sentence, nothing else. */
    private static List<String> bestOfDocument(String question, double titleWeight) {
        RetrievalConfiguration config = new RetrievalConfiguration(1, RetrievalConfiguration.Mode.BM25, 20, 60, 0.3,
                10_000, 1.0, 1.0, 1, 1, 0, titleWeight);
        return new LuceneContentRetriever(() -> index, config, Lexicon.empty()).retrieve(question, "en", 0).stream()
                .map(s -> s.passage().text()).toList();
    }

    @Test
    void within_a_document_the_words_of_its_title_do_not_crowd_out_the_sentence_that_answers() {
        String question = "How many sailors does Aurora Shipping employ?";
        // given the title's words weighing as much as the others: a sentence naming the line wins in its document
        assertThat(bestOfDocument(question, 1.0)).singleElement().asString().startsWith("Aurora Shipping");

        // when they weigh a fifth
        List<String> best = bestOfDocument(question, 0.2);

        // then the sentence that says what is asked is the document's best, though it leaves the line implicit
        assertThat(best).containsExactly("The company employs 300 sailors in its home port.");
    }
}
