package dev.fonte.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.function.Function;

/**
 * Dense embeddings of questions and corpus texts with an in-process LangChain4j {@link EmbeddingModel}, each text
 * embedded once: the vectors of corpus sentences and words are read from the index they were stored in when it was
 * built, and bounded caches keep the vectors used lately, so the retriever and the answer model never compute the
 * same vector twice. Those the model computed (questions, words the index has no vector for) are kept apart from
 * those read from the index: a question's retrieval reads the vectors of every sentence of its nearest documents,
 * hundreds, and in one shared cache they pushed out the question's own vector before the answer model compared it
 * with its candidates, which then computed it again (a few milliseconds each time). A new index starts new caches.
 */
public final class Embedder {

    private final EmbeddingModel model;
    /** Vectors the model computed: each costs milliseconds. */
    private final Cache<String, float[]> computed;
    /** Vectors read from the index: each costs a lookup. */
    private final Cache<String, float[]> read;
    private final Function<String, float[]> stored;

    /**
     * @param model     null when dense retrieval is switched off
     * @param cacheSize vectors kept of each kind: computed by the model, and read from the index
     */
    public Embedder(@Nullable EmbeddingModel model, int cacheSize) {
        this(model, cacheSize, text -> null);
    }

    /** @param stored the vector kept in the index for a corpus text, or null when it has none */
    Embedder(@Nullable EmbeddingModel model, int cacheSize, Function<String, float[]> stored) {
        this.model = model;
        this.stored = stored;
        this.computed = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.read = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public static Embedder disabled() {
        return new Embedder(null, 1);
    }

    public boolean enabled() {
        return model != null;
    }

    /** The text's unit vector, or empty when dense retrieval is off. */
    public Optional<float[]> embed(String text) {
        if (model == null) {
            return Optional.empty();
        }
        // computed outside the cache's lock: a question embedded for 10-20 ms must not hold up others whose texts
        // share its hash bin (two threads asking the same new text at once both compute it, which is harmless)
        float[] known = kept(text);
        if (known != null) {
            return Optional.of(known);
        }
        float[] vector = stored.apply(text);
        if (vector != null) {
            read.put(text, vector);
            return Optional.of(vector);
        }
        vector = normalised(model.embed(text).content().vector());
        computed.put(text, vector);
        return Optional.of(vector);
    }

    private float[] kept(String text) {
        float[] known = computed.getIfPresent(text);
        return known != null ? known : read.getIfPresent(text);
    }

    /** Keeps a vector read from the index for a text elsewhere, as {@link #embed} would have; returns it. */
    float[] keep(String text, float[] vector) {
        read.put(text, vector);
        return vector;
    }

    /** Cosine similarity of two texts, or empty when dense retrieval is off. */
    public Optional<Double> similarity(String a, String b) {
        return embed(a).flatMap(x -> embed(b).map(y -> dot(x, y)));
    }

    /** Forgets every vector kept. */
    void clear() {
        computed.invalidateAll();
        read.invalidateAll();
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * The vector scaled to unit length (what dot-product search and cosine similarity need).
     *
     * @throws InvalidVectorException when a value is not finite or the vector is all zeros: such a vector would
     *                                make every similarity wrong, and is never kept
     */
    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new InvalidVectorException("the embedding model returned a value that is not a number");
            }
            norm += (double) x * x;
        }
        if (norm == 0 || v.length == 0) {
            throw new InvalidVectorException("the embedding model returned an empty vector");
        }
        float[] out = new float[v.length];
        double length = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / length);
        }
        return out;
    }

    /** An embedding model's output that no similarity can be computed with. */
    static final class InvalidVectorException extends IllegalStateException {
        InvalidVectorException(String message) {
            super(message);
        }
    }
}
