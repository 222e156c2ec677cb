package dev.fonte.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.Executor;
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
        return new BundledEmbeddingModel(withClassLoader(executor, EmbeddingModelFactory.class.getClassLoader()));
    }

    /**
     * Runs each task with the application's class loader as the thread's context class loader. The executor's
     * fork-join threads carry the system class loader, and the tokenizer's native library is found through the
     * context class loader: where the application is not on the system class path (an evaluation run by Maven's
     * {@code exec:java}, an application server) the first batch would fail to load it.
     */
    static Executor withClassLoader(Executor executor, ClassLoader loader) {
        return task -> executor.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                task.run();
            } finally {
                thread.setContextClassLoader(before);
            }
        });
    }
}
