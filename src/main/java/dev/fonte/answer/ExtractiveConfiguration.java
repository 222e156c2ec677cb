package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Tuning of the embedded extractive model.
 *
 * @param minCoverage  share of a question's content terms a sentence must cover (in itself or, at half weight, in
 *                     its paragraph) to answer it; below it the model says the sources do not contain the answer
 * @param maxSentences most sentences in an answer
 * @param summarySentences sentences in a summary
 * @param minClauseWords a clause shorter than this is not cut out of its sentence
 * @param minSimilarity  a sentence this close to the question in embedding space (cosine) may answer it with
 *                       less term coverage: paraphrases share meaning, not words
 * @param minCoverageWithSimilarity the coverage still required of such a sentence
 * @param similarityWeight weight of the embedding similarity when ranking sentences that can answer
 * @param maxMissingNamed a refusal names what the article lacks when at most this many words are missing
 * @param softLow        word similarity (cosine) below which a question word the sentence lacks earns nothing
 * @param softHigh       word similarity at which it counts as fully covered (a paraphrase: "boss" for "CEO")
 * @param unknownTermWeight weight, relative to its IDF, of a question word no sentence of the corpus uses
 */
@ConfigurationProperties(ExtractiveConfiguration.PREFIX)
public record ExtractiveConfiguration(
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.35") double minCoverage,
        @Min(1) @Max(5) @Bindable(defaultValue = "2") int maxSentences,
        @Min(1) @Max(10) @Bindable(defaultValue = "6") int summarySentences,
        @Min(1) @Max(20) @Bindable(defaultValue = "6") int minClauseWords,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minSimilarity,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.25") double minCoverageWithSimilarity,
        @DecimalMin("0") @DecimalMax("5") @Bindable(defaultValue = "0.5") double similarityWeight,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int maxMissingNamed,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double softLow,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.75") double softHigh,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double unknownTermWeight) {

    public static final String PREFIX = "fonte.answer.extractive";

}
