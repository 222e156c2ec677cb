package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import static dev.fonte.retrieval.LuceneContentRetriever.SegmentKeys.DOCUMENT_ID;
import static dev.fonte.retrieval.LuceneContentRetriever.SegmentKeys.END;
import static dev.fonte.retrieval.LuceneContentRetriever.SegmentKeys.PASSAGE_ID;
import static dev.fonte.retrieval.LuceneContentRetriever.SegmentKeys.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneContentRetrieverTest {

    private static PassageIndex index;

    @BeforeAll
    static void buildIndex() {
        index = TinyIndex.italian()
                // two paragraphs, so that offsets of the second sentence are not zero
                .doc("spesa", "Meta investe in data center.\n\n"
                        + "Meta spenderà 65 miliardi di dollari nel 2025 in data center.")
                .doc("borsa", "Le azioni di Meta sono salite.")
                .doc("altro", "Microsoft prevede di investire 80 miliardi di dollari.")
                // a document about Meta whose GPU sentence does not name Meta, among sentences that name GPUs
                .doc("meta-gpu", "Meta ha presentato il suo piano per l'intelligenza artificiale a Menlo Park. "
                        + "Entro fine anno l'azienda avrà oltre un milione di GPU.")
                .doc("google-gpu", "Google avrà due milioni di GPU entro fine anno.")
                .doc("amazon-gpu", "Amazon avrà tre milioni di GPU entro fine anno.")
                .build();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static RetrievalConfiguration config(int k, int documents, int perDocument) {
        return new RetrievalConfiguration(k, RetrievalConfiguration.Mode.BM25, 20, 60, 0.3, 10_000, 1.0, 1.0,
                documents, perDocument, 0, 1.0);
    }

    @Test
    void given_a_question_when_retrieved_then_contents_come_most_relevant_first_with_a_score() {
        LuceneContentRetriever retriever = new LuceneContentRetriever(() -> index, config(10, 0, 0), Lexicon.empty());

        List<Content> contents = retriever.retrieve(Query.from("Quanti miliardi spenderà Meta in data center?"));

        assertThat(contents).hasSizeGreaterThanOrEqualTo(3);
        List<Double> scores = contents.stream().map(c -> (Double) c.metadata().get(ContentMetadata.SCORE)).toList();
        assertThat(scores).doesNotContainNull().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(scores.get(0)).isGreaterThan(scores.get(scores.size() - 1));
        assertThat(contents.get(0).textSegment().text())
                .isEqualTo("Meta spenderà 65 miliardi di dollari nel 2025 in data center.");
    }

    @Test
    void each_segment_carries_its_passage_id_document_id_and_exact_offsets() {
        LuceneContentRetriever retriever = new LuceneContentRetriever(() -> index, config(10, 0, 0), Lexicon.empty());

        Content best = retriever.retrieve(Query.from("65 miliardi nel 2025")).get(0);
        TextSegment segment = best.textSegment();

        assertThat(segment.metadata().getString(PASSAGE_ID.key())).isEqualTo("spesa.p2.s1");
        assertThat(segment.metadata().getString(DOCUMENT_ID.key())).isEqualTo("spesa");
        int start = segment.metadata().getInteger(START.key());
        int end = segment.metadata().getInteger(END.key());
        String documentText = index.corpus().document("spesa").orElseThrow().text();
        assertThat(start).isPositive();
        assertThat(documentText.substring(start, end)).isEqualTo(segment.text());
        assertThat(PASSAGE_ID.key()).isEqualTo("passage_id");
    }

    @Test
    void given_k_and_no_document_candidates_when_retrieved_then_at_most_k_contents_are_returned() {
        List<Content> one = new LuceneContentRetriever(() -> index, config(1, 0, 0), Lexicon.empty())
                .retrieve(Query.from("Quanto spenderà Meta?"));

        assertThat(one).hasSize(1);
    }

    @Test
    void given_many_near_sentences_the_best_sentences_of_the_document_about_the_question_are_candidates_too() {
        String question = "Quante GPU avrà Meta entro fine anno?";
        // given other companies' GPU sentences that outrank the one of the document about Meta
        List<String> overall = ids(new LuceneContentRetriever(() -> index, config(2, 0, 0), Lexicon.empty())
                .retrieve(question, "it", 2));
        assertThat(overall).doesNotContain("meta-gpu.p1.s2");

        // when the documents most about the question give their best sentences too
        List<String> withDocuments = ids(new LuceneContentRetriever(() -> index, config(2, 1, 2), Lexicon.empty())
                .retrieve(question, "it", 2));

        // then Meta's GPU sentence is a candidate, after the k best of the corpus
        assertThat(withDocuments).contains("meta-gpu.p1.s2").containsAll(overall).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void given_a_question_about_a_document_in_another_language_its_best_sentences_are_candidates_too()
            throws IOException {
        // given English sentences about rates that outrank the Italian ones, and an Italian document whose answering
        // sentence does not name the bank
        try (PassageIndex mixed = TinyIndex.italian()
                .doc("fed", "en", "The Fed cut rates by half a point. Rates had been high for a year. "
                        + "Lower rates help borrowers.")
                .doc("bce", "La Bce ha tagliato i tassi per la prima volta dal 2019. "
                        + "Il tasso sui depositi scende così al 3,75%.")
                .build()) {
            Lexicon lexicon = Lexicon.load(Languages.standard(), null, LexiconFactory::analysed);
            String question = "What is the ECB's new deposit rate?";
            List<String> overall = ids(new LuceneContentRetriever(() -> mixed, config(1, 0, 0), lexicon)
                    .retrieve(mixed, RetrievalConfiguration.Mode.BM25, question, "en", 1));
            assertThat(overall).doesNotContain("bce.p1.s2");

            // when the documents most about the question in each language give their best sentences
            List<String> withDocuments = ids(new LuceneContentRetriever(() -> mixed, config(1, 1, 2), lexicon)
                    .retrieve(mixed, RetrievalConfiguration.Mode.BM25, question, "en", 1));

            // then the Italian document, found by the question carried into Italian, gives its deposit rate sentence
            assertThat(withDocuments).contains("bce.p1.s2");
        }
    }

    private static List<String> ids(List<ScoredPassage> passages) {
        return passages.stream().map(s -> s.passage().id()).toList();
    }

    @Test
    void given_nothing_relevant_when_retrieved_then_the_list_is_empty() {
        LuceneContentRetriever retriever = new LuceneContentRetriever(() -> index, config(5, 3, 2), Lexicon.empty());

        assertThat(retriever.retrieve(Query.from("pinguini antartide"))).isEmpty();
    }

    @Test
    void an_index_is_required() {
        assertThatThrownBy(() -> new LuceneContentRetriever((Supplier<PassageIndex>) null, config(3, 0, 0),
                Lexicon.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_passage_maps_to_content_with_its_score() {
        Passage p = index.corpus().passage("borsa.p1.s1").orElseThrow();

        Content content = LuceneContentRetriever.toContent(new ScoredPassage(p, 1.25));

        assertThat(content.metadata()).containsEntry(ContentMetadata.SCORE, 1.25);
        assertThat(content.textSegment().text()).isEqualTo("Le azioni di Meta sono salite.");
    }
}
