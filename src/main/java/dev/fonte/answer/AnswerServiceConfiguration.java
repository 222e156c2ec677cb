package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Bounds of the answer service.
 *
 * @param maxInFlight   answers computed at once; beyond it a question gets a fast 503 with Retry-After, never a queue
 * @param cacheSize     the embedded default's answers to questions asked outside a conversation, kept per index
 *                      version (0: none)
 * @param refusalTitles the nearest documents a refusal names when several documents are served
 */
@ConfigurationProperties(AnswerServiceConfiguration.PREFIX)
public record AnswerServiceConfiguration(
        @Min(1) @Max(10_000) @Bindable(defaultValue = "64") int maxInFlight,
        @Min(0) @Max(1_000_000) @Bindable(defaultValue = "1000") int cacheSize,
        @Min(1) @Max(10) @Bindable(defaultValue = "3") int refusalTitles) {

    public static final String PREFIX = "fonte.answer";
}
