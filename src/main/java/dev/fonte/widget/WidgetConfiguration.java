package dev.fonte.widget;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How Fonte serves its embeddable chat widget.
 *
 * @param cacheMaxAge how long browsers and CDNs may reuse {@code /widget.js} without asking again (an ETag then
 *                    makes the revalidation cheap); zero disables caching
 */
@ConfigurationProperties(WidgetConfiguration.PREFIX)
public record WidgetConfiguration(@NotNull Duration cacheMaxAge) {

    public static final String PREFIX = "fonte.widget";

    public WidgetConfiguration {
        if (cacheMaxAge == null || cacheMaxAge.isNegative()) {
            throw new IllegalArgumentException(PREFIX + ".cache-max-age must be zero or positive, was " + cacheMaxAge);
        }
    }
}
