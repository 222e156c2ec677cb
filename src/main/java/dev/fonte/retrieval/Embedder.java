package dev.fonte.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dense embeddings of questions and sentences with an in-process LangChain4j {@link EmbeddingModel}, each text
 * embedded once: a bounded cache keeps recent question vectors, and the index puts every sentence's vector in it,
 * so the retriever and the answer model never compute the same vector twice. A new index starts a new cache.
 * Corpus texts (not questions) are also looked up in, and added to, a {@link VectorStore} that outlives the process.
 */
public final class Embedder {

    private final EmbeddingModel model;
    private final Map<String, float[]> cache;
    private final VectorStore store;

    /** @param model null when dense retrieval is switched off */
    public Embedder(@Nullable EmbeddingModel model, int cacheSize) {
        this(model, cacheSize, VectorStore.none());
    }

    /** @param store where corpus texts' vectors are kept between starts */
    public Embedder(@Nullable EmbeddingModel model, int cacheSize, VectorStore store) {
        this.model = model;
        this.store = store;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public static Embedder disabled() {
        return new Embedder(null, 1);
    }

    public boolean enabled() {
        return model != null;
    }

    /** The text's unit vector, or empty when dense retrieval is off. */
    public Optional<float[]> embed(String text) {
        return embed(text, false);
    }

    /** A corpus text's unit vector, read from the vector store when it has it, kept in it otherwise. */
    public Optional<float[]> embedCorpusText(String text) {
        return embed(text, true);
    }

    /** Writes the corpus texts' vectors computed so far to the vector store. */
    public void saveStore() {
        store.save();
    }

    private Optional<float[]> embed(String text, boolean corpusText) {
        if (model == null) {
            return Optional.empty();
        }
        synchronized (cache) {
            float[] hit = cache.get(text);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        float[] vector = corpusText ? store.get(text) : null;
        if (vector == null) {
            vector = model.embed(text).content().vector();
            if (corpusText) {
                store.put(text, vector);
            }
        }
        normalise(vector);
        synchronized (cache) {
            cache.put(text, vector);
        }
        return Optional.of(vector);
    }

    /** Cosine similarity of two texts, or empty when dense retrieval is off. */
    public Optional<Double> similarity(String a, String b) {
        return embed(a).flatMap(x -> embed(b).map(y -> dot(x, y)));
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static void normalise(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
        }
    }
}
