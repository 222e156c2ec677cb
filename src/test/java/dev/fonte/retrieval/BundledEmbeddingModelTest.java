package dev.fonte.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled model embeds a batch of corpus texts one text per ONNX run, spread over threads: the vectors the index
 * stores are then, bit for bit, those a question's text gets alone. (Texts run together through the quantized model
 * would not be: it quantizes each layer's input with one scale for the whole batch, padding included, which moved
 * vectors by up to 3% of cosine in a measurement on the benchmark's corpus.)
 */
class BundledEmbeddingModelTest {

    // varied on purpose: both languages, accents and typographic quotes, figures, a single word, a heading, text the
    // vocabulary does not know, and a text longer than the model's 512 tokens (embedded in parts, then averaged)
    private static final List<String> TEXTS = List.of(
            "Meta will spend between 60 and 65 billion dollars on capital expenditure in 2025.",
            "L'azienda aprirà 363 data center a Oslo entro il 2028.",
            "Perché è così? «Ünïcödé» — “quotes” and 日本語 テキスト 😀",
            "ciao",
            "Results",
            "Shares rose 3.5 percent in early trading after the announcement, before giving back part of the gain.",
            "word ".repeat(700).trim());

    @Test
    void texts_embedded_together_get_the_vectors_each_gets_alone() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            BundledEmbeddingModel model = new BundledEmbeddingModel(executor);

            List<Embedding> together = model.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();

            assertThat(together).hasSize(TEXTS.size());
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] alone = model.embed(TEXTS.get(i)).content().vector();
                assertThat(together.get(i).vector()).as(TEXTS.get(i)).containsExactly(alone);
            }
        } finally {
            executor.shutdown();
        }
    }
}
