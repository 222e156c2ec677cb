package dev.fonte.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmbedderTest {

    /** Counts the texts it embeds; its vectors are meaningless but stable. */
    private static final class CountingModel implements EmbeddingModel {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                embedded.incrementAndGet();
                out.add(Embedding.from(new float[] {1, s.text().length(), 2}));
            }
            return Response.from(out);
        }
    }

    @Test
    void a_question_is_embedded_once_however_many_corpus_vectors_are_read_after_it() {
        // given an embedder keeping 16 vectors, over an index that has a vector for every corpus sentence
        CountingModel model = new CountingModel();
        Embedder embedder = new Embedder(model, 16,
                text -> text.startsWith("sentence") ? new float[] {0, 1, 0} : null);
        embedder.embed("How many engineers does the company employ?");

        // when a retrieval reads the vectors of hundreds of sentences, several times each, before the answer model
        // compares the question with its candidates
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 500; i++) {
                embedder.embed("sentence " + i);
            }
        }
        embedder.similarity("How many engineers does the company employ?", "sentence 7");

        // then the model computed the question's vector once, and no sentence's
        assertThat(model.embedded).hasValue(1);
    }

    @Test
    void a_text_the_index_has_no_vector_for_is_computed_by_the_model_and_kept() {
        CountingModel model = new CountingModel();
        Embedder embedder = new Embedder(model, 16, text -> null);

        float[] first = embedder.embed("fusione").orElseThrow();
        float[] again = embedder.embed("fusione").orElseThrow();

        assertThat(model.embedded).hasValue(1);
        assertThat(again).isEqualTo(first);
    }
}
