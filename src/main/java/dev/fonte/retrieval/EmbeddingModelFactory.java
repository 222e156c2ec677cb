package dev.fonte.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The in-process embedding model (quantized all-MiniLM-L6-v2, shipped in its jar: no network, no download). */
@Factory
public class EmbeddingModelFactory {

    @Singleton
    @Requires(property = RetrievalConfiguration.PREFIX + ".mode", notEquals = "BM25")
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
