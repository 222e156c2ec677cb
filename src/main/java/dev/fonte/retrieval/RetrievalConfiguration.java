package dev.fonte.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Retrieval tuning.
 *
 * @param k             candidate sentences handed to the answer model from the whole corpus
 * @param mode          hybrid (BM25 and dense vectors fused by reciprocal rank), bm25 or dense alone
 * @param candidates    how many hits each retriever contributes before fusion
 * @param rrfK          the constant of reciprocal rank fusion (60 in the original paper)
 * @param contextWeight weight of a sentence's paragraph relative to the sentence itself in BM25 scoring
 * @param cacheSize     vectors kept in memory of each kind: computed by the model (questions, words the index has
 *                      none for), and read from the index (one vector is 384 floats)
 * @param denseWeight   weight of the dense ranking in the fusion, relative to BM25's 1
 * @param otherLanguageWeight weight of the ranking of documents in another language than the question's, searched
 *                      with the question carried into theirs by the lexicon, relative to BM25's 1
 * @param documents     documents most about the question (BM25 over whole documents) whose best sentences are
 *                      candidates too, besides the {@code k} best of the corpus (0: none)
 * @param perDocument   best sentences of each of those documents
 * @param otherLanguageCandidates in each other language of the corpus, the best sentences of its own ranking of the
 *                      question carried into it (BM25 of each word's translations taken as one term, and dense vectors
 *                      of the carried words) that are candidates too; that ranking also gives each of the language's
 *                      candidates its place in it (0: neither)
 * @param titleWeight   within one of those documents, the weight of the question's words its title says, relative to
 *                      the others': they name what the whole document is about, so they tell none of its sentences
 *                      apart, and the sentence that says what is asked may leave them implicit ("The company will...")
 */
@ConfigurationProperties(RetrievalConfiguration.PREFIX)
public record RetrievalConfiguration(
        @Min(1) @Max(50) @Bindable(defaultValue = "8") int k,
        @NotNull @Bindable(defaultValue = "HYBRID") Mode mode,
        @Min(1) @Max(500) @Bindable(defaultValue = "20") int candidates,
        @Min(1) @Max(1000) @Bindable(defaultValue = "60") int rrfK,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.3") double contextWeight,
        @Min(16) @Max(1_000_000) @Bindable(defaultValue = "10000") int cacheSize,
        @DecimalMin("0") @DecimalMax("10") @Bindable(defaultValue = "1.0") double denseWeight,
        @DecimalMin("0") @DecimalMax("10") @Bindable(defaultValue = "1.0") double otherLanguageWeight,
        @Min(0) @Max(20) @Bindable(defaultValue = "3") int documents,
        @Min(0) @Max(20) @Bindable(defaultValue = "2") int perDocument,
        @Min(0) @Max(20) @Bindable(defaultValue = "1") int otherLanguageCandidates,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.2") double titleWeight) {

    public static final String PREFIX = "fonte.retrieval";

    /** How candidates are found. */
    public enum Mode { HYBRID, BM25, DENSE }

    public boolean dense() {
        return mode != Mode.BM25;
    }
}
