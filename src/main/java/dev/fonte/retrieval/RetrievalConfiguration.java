package dev.fonte.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Retrieval tuning.
 *
 * @param k             candidate sentences handed to the answer model
 * @param contextWeight weight of a sentence's paragraph relative to the sentence itself in BM25 scoring
 * @param readyTimeout  seconds a request waits for the first index build before it is refused with 503
 */
@ConfigurationProperties(RetrievalConfiguration.PREFIX)
public record RetrievalConfiguration(
        @Min(1) @Max(50) @Bindable(defaultValue = "8") int k,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.3") double contextWeight,
        @Min(0) @Max(120) @Bindable(defaultValue = "10") int readyTimeout) {

    public static final String PREFIX = "fonte.retrieval";
}
