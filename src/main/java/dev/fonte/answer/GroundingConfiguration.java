package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How strictly a language model's answer is held to the spans it cites ({@code fonte.answer.grounding.*},
 * {@code FONTE_GROUNDING}); see {@link Grounding} for what "supported" means.
 *
 * @param mode          {@code sentence} (default): an unsupported sentence is dropped; {@code answer}: one
 *                      unsupported sentence fails the whole answer; {@code off}: only citation markers are checked,
 *                      to measure what the check removes (never to serve). An answer left with nothing supported is
 *                      written by the embedded default instead, labelled so.
 * @param minWordShare  share of a sentence's content words its spans must say; its figures and names, always all
 */
@ConfigurationProperties(GroundingConfiguration.PREFIX)
public record GroundingConfiguration(
        @Bindable(defaultValue = "sentence") String mode,
        @DecimalMin(value = "0.0", message = WORD_SHARE) @DecimalMax(value = "1.0", message = WORD_SHARE)
        @Bindable(defaultValue = "1.0") double minWordShare) {

    public static final String PREFIX = "fonte.answer.grounding";
    static final String WORD_SHARE = "fonte.answer.grounding.min-word-share must be a number from 0 to 1";

    /** What an unsupported sentence costs. */
    public enum Mode {
        /** The sentence is dropped; the rest of the answer stands. */
        SENTENCE,
        /** The whole answer fails, and the embedded default answers instead. */
        ANSWER,
        /** Nothing is checked beyond the citation markers. */
        OFF
    }

    public GroundingConfiguration {
        mode = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
        String name = mode;
        if (Arrays.stream(Mode.values()).noneMatch(m -> m.name().toLowerCase(Locale.ROOT).equals(name))) {
            throw new dev.fonte.answer.provider.ProviderConfigurationException("FONTE_GROUNDING ("
                    + PREFIX + ".mode) is \"" + name + "\"; allowed values: " + Arrays.stream(Mode.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + " (any case)");
        }
    }

    public static GroundingConfiguration defaults() {
        return new GroundingConfiguration("sentence", 1.0);
    }

    public Mode level() {
        return Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    }
}
