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
 */
@ConfigurationProperties(ExtractiveConfiguration.PREFIX)
public record ExtractiveConfiguration(
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minCoverage,
        @Min(1) @Max(5) @Bindable(defaultValue = "2") int maxSentences,
        @Min(1) @Max(10) @Bindable(defaultValue = "5") int summarySentences,
        @Min(1) @Max(20) @Bindable(defaultValue = "6") int minClauseWords) {

    public static final String PREFIX = "fonte.answer.extractive";

    public static ExtractiveConfiguration defaults() {
        return new ExtractiveConfiguration(0.5, 2, 5, 6);
    }
}
