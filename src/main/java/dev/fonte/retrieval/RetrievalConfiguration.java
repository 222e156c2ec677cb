package dev.fonte.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Retrieval tuning.
 *
 * @param k             candidate sentences handed to the answer model
 * @param mode          hybrid (BM25 and dense vectors fused by reciprocal rank), bm25 or dense alone
 * @param candidates    how many hits each retriever contributes before fusion
 * @param rrfK          the constant of reciprocal rank fusion (60 in the original paper)
 * @param contextWeight weight of a sentence's paragraph relative to the sentence itself in BM25 scoring
 * @param readyTimeout  seconds a request waits for the first index build before it is refused with 503
 * @param cacheSize     question and sentence vectors kept (one vector is 384 floats)
 * @param denseWeight   weight of the dense ranking in the fusion, relative to BM25's 1
 * @param otherLanguageWeight weight of the ranking of documents in another language than the question's, searched
 *                      with the question carried into theirs by the lexicon, relative to BM25's 1
 * @param vectorCache   folder where the corpus texts' vectors are kept between starts (empty: fonte-vectors in the
 *                      temporary directory; {@code off}: not kept)
 */
@ConfigurationProperties(RetrievalConfiguration.PREFIX)
public record RetrievalConfiguration(
        @Min(1) @Max(50) @Bindable(defaultValue = "8") int k,
        @NotNull @Bindable(defaultValue = "HYBRID") Mode mode,
        @Min(1) @Max(200) @Bindable(defaultValue = "20") int candidates,
        @Min(1) @Max(1000) @Bindable(defaultValue = "60") int rrfK,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.3") double contextWeight,
        @Min(0) @Max(120) @Bindable(defaultValue = "10") int readyTimeout,
        @Min(16) @Max(1_000_000) @Bindable(defaultValue = "10000") int cacheSize,
        @DecimalMin("0") @DecimalMax("10") @Bindable(defaultValue = "1.0") double denseWeight,
        @DecimalMin("0") @DecimalMax("10") @Bindable(defaultValue = "1.0") double otherLanguageWeight,
        @Nullable String vectorCache) {

    public static final String PREFIX = "fonte.retrieval";

    /** How candidates are found. */
    public enum Mode { HYBRID, BM25, DENSE }

    /** The folder of the vector store, or null when it is off. */
    public String vectorCacheFolder() {
        if (vectorCache == null || vectorCache.isBlank()) {
            return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "fonte-vectors").toString();
        }
        return vectorCache.trim().equalsIgnoreCase("off") ? null : vectorCache.trim();
    }

    public boolean dense() {
        return mode != Mode.BM25;
    }
}
