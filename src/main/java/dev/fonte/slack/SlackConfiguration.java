package dev.fonte.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * The Slack app. It exists only when both secrets are set (application.yml maps them from {@code SLACK_SIGNING_SECRET}
 * and {@code SLACK_BOT_TOKEN}); without them no Slack endpoint is registered.
 *
 * @param signingSecret    verifies that a request comes from Slack (HMAC-SHA256 over the raw body)
 * @param botToken         the bot token ({@code xoxb-...}) used for {@code chat.postMessage}
 * @param apiUrl           the Web API base URL, ending with a slash; null means the SDK's default (tests point it at a fake)
 * @param timestampWindow  how old (or how far in the future) a request timestamp may be; Slack's rule is 5 minutes
 * @param dedupWindow      how long an {@code event_id} is remembered, so Slack's retries are answered once
 * @param dedupCapacity    at most this many event ids are remembered (the oldest are forgotten first)
 * @param workers          threads that answer questions after Slack got its acknowledgement
 * @param queueCapacity    questions waiting for a worker; beyond it a command is told to retry later
 */
@ConfigurationProperties(SlackConfiguration.PREFIX)
@Requires(property = SlackConfiguration.PREFIX + ".signing-secret", pattern = ".+")
@Requires(property = SlackConfiguration.PREFIX + ".bot-token", pattern = ".+")
public record SlackConfiguration(
        @NotBlank String signingSecret,
        @NotBlank @Pattern(regexp = "xox[bp]-.+", message = "must be a Slack bot token (xoxb-...)") String botToken,
        @Nullable @Pattern(regexp = "https?://.+/") String apiUrl,
        @Bindable(defaultValue = "5m") @NotNull Duration timestampWindow,
        @Bindable(defaultValue = "10m") @NotNull Duration dedupWindow,
        @Bindable(defaultValue = "10000") @Min(1) int dedupCapacity,
        @Bindable(defaultValue = "2") @Min(1) @Max(64) int workers,
        @Bindable(defaultValue = "100") @Min(1) int queueCapacity) {

    public static final String PREFIX = "fonte.slack";
}
