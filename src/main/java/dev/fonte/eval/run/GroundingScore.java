package dev.fonte.eval.run;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The sentences of one answer, and how many of them the spans they cite support ({@link GroundingCheck}).
 */
@Serdeable
public record GroundingScore(int sentences, int supported) {
}
