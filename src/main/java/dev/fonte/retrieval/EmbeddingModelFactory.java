package dev.fonte.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;

/**
 * The in-process embedding model (quantized all-MiniLM-L6-v2, shipped in its jar: no network, no download). Batches
 * are embedded on the {@value #EXECUTOR} executor (configured in application.yml: one thread per core).
 */
@Factory
public class EmbeddingModelFactory {

    /** The executor that embeds batches of corpus texts. */
    public static final String EXECUTOR = "fonte-embed";

    @Singleton
    @Requires(property = RetrievalConfiguration.PREFIX + ".mode", notEquals = "BM25")
    EmbeddingModel embeddingModel(@Named(EXECUTOR) ExecutorService executor) {
        return new BundledEmbeddingModel(executor);
    }
}
