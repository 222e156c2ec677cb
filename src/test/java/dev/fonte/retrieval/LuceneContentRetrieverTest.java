package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
                .doc("spesa", "Meta investe in data center.\n\nMeta spenderà 65 miliardi di dollari nel 2025 in data center.")
                .doc("borsa", "Le azioni di Meta sono salite.")
                .doc("altro", "Microsoft prevede di investire 80 miliardi di dollari.")
                .build();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void given_a_question_when_retrieved_then_contents_come_most_relevant_first_with_a_score() {
        LuceneContentRetriever retriever = new LuceneContentRetriever(index::searchLexical, 10);

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
        LuceneContentRetriever retriever = new LuceneContentRetriever(index::searchLexical, 10);

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
    void given_k_when_retrieved_then_at_most_k_contents_are_returned_and_the_question_language_is_passed_on() {
        List<String> languages = new ArrayList<>();
        List<Integer> ks = new ArrayList<>();
        PassageRetriever recording = (query, language, k) -> {
            languages.add(language);
            ks.add(k);
            return index.searchLexical(query, "it", k);
        };

        List<Content> italian = new LuceneContentRetriever(recording, 1).retrieve(Query.from("Quanto spenderà Meta?"));
        new LuceneContentRetriever(recording, 2).retrieve(Query.from("How much will Meta spend?"));

        assertThat(italian).hasSize(1);
        assertThat(languages).containsExactly("it", "en");
        assertThat(ks).containsExactly(1, 2);
    }

    @Test
    void given_nothing_relevant_when_retrieved_then_the_list_is_empty() {
        LuceneContentRetriever retriever = new LuceneContentRetriever(index::searchLexical, 5);

        assertThat(retriever.retrieve(Query.from("pinguini antartide"))).isEmpty();
    }

    @Test
    void a_retriever_is_required() {
        assertThatThrownBy(() -> new LuceneContentRetriever(null, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_passage_maps_to_content_with_its_score() {
        Passage p = index.corpus().passage("borsa.p1.s1").orElseThrow();

        Content content = LuceneContentRetriever.toContent(new ScoredPassage(p, 1.25));

        assertThat(content.metadata()).containsEntry(ContentMetadata.SCORE, 1.25);
        assertThat(content.textSegment().text()).isEqualTo("Le azioni di Meta sono salite.");
    }
}
