package dev.fonte.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.util.Map;

/**
 * The Slack app. Which of its modes is on (HTTP events, Socket Mode, or off) follows from which secrets are set
 * ({@link SlackMode#of(SlackConfiguration)}); {@link SlackStartup} checks them and says so in one line at start.
 * Secrets are trimmed (a value read from a file often ends with a newline) and a blank one counts as unset.
 *
 * @param signingSecret   verifies that an HTTP request comes from Slack (HMAC-SHA256 over the raw body)
 * @param botToken        one workspace's bot token ({@code xoxb-...}), for {@code chat.postMessage} in that workspace
 * @param appToken        an app-level token ({@code xapp-...}) with {@code connections:write}: Socket Mode
 * @param clientId        with {@code clientSecret}: the install flow, so that several workspaces can add the app
 * @param clientSecret    see {@code clientId}
 * @param redirectUri     the install flow's redirect URL when the app lists several; null: the one Slack has
 * @param scopes          the bot scopes the install flow asks for
 * @param apiUrl          the Web API base URL, ending with a slash; null: the SDK's (tests point it at a fake)
 * @param timestampWindow how old (or how far in the future) a request timestamp may be; Slack's rule is 5 minutes
 * @param dedupWindow     how long an {@code event_id} is remembered, so that Slack's retries are answered once
 * @param installationTtl how long a workspace's installation is kept without being installed again
 * @param installStateTtl how long an install link ({@code /slack/install}) stays valid
 * @param workers         threads that answer questions after Slack got its acknowledgement
 * @param queueCapacity   questions waiting for a worker; beyond it a command is told to retry, an event is not acked
 * @param postAttempts    attempts to deliver one answer to Slack (rate limits, network errors) before it is given up
 * @param maxRetryAfter   the longest wait a rate limit's {@code Retry-After} may ask for before the answer is given up
 * @param retryBackoff    the first pause after a network error or a 5xx, doubled at each further attempt
 * @param logInterval     at most one line per interval for each repeated warning (bad signatures, unknown workspaces);
 *                        also how long a refused SLACK_BOT_TOKEN is not asked about again
 */
@ConfigurationProperties(SlackConfiguration.PREFIX)
public record SlackConfiguration(
        @Nullable String signingSecret,
        @Nullable @Pattern(regexp = BOT_TOKEN, message = "must be a bot token, xoxb-... (Slack: OAuth & Permissions, "
                + "Bot User OAuth Token)") String botToken,
        @Nullable @Pattern(regexp = APP_TOKEN, message = "must be an app-level token, xapp-... (Slack: Basic "
                + "Information, App-Level Tokens, with the connections:write scope)") String appToken,
        @Nullable @Pattern(regexp = CLIENT_ID, message = "must be the app's Client ID, digits.digits (Slack: Basic "
                + "Information, App Credentials)") String clientId,
        @Nullable String clientSecret,
        @Nullable @Pattern(regexp = URL, message = "must be an absolute URL") String redirectUri,
        @Bindable(defaultValue = "app_mentions:read,chat:write,commands") @NotBlank String scopes,
        @Nullable @Pattern(regexp = BASE_URL, message = "must be an absolute URL ending with /") String apiUrl,
        @Bindable(defaultValue = "5m") @NotNull Duration timestampWindow,
        @Bindable(defaultValue = "10m") @NotNull Duration dedupWindow,
        @Bindable(defaultValue = "3650d") @NotNull Duration installationTtl,
        @Bindable(defaultValue = "10m") @NotNull Duration installStateTtl,
        @Bindable(defaultValue = "2") @Min(1) @Max(64) int workers,
        @Bindable(defaultValue = "100") @Min(1) int queueCapacity,
        @Bindable(defaultValue = "4") @Min(1) @Max(10) int postAttempts,
        @Bindable(defaultValue = "60s") @NotNull Duration maxRetryAfter,
        @Bindable(defaultValue = "1s") @NotNull Duration retryBackoff,
        @Bindable(defaultValue = "1m") @NotNull Duration logInterval) {

    public static final String PREFIX = "fonte.slack";

    // The shapes are checked on the values as bound, before the constructor trims them: surrounding whitespace is
    // allowed, and an empty value is an unset one (application.yml maps unset variables to "").
    /** Slack's bot tokens: {@code xoxb-} then digits, letters and dashes. */
    static final String BOT_TOKEN = "\\s*(xoxb-[0-9A-Za-z-]{10,})?\\s*";
    /** Slack's app-level tokens: {@code xapp-} then digits, letters and dashes. */
    static final String APP_TOKEN = "\\s*(xapp-[0-9A-Za-z-]{10,})?\\s*";
    static final String CLIENT_ID = "\\s*(\\d+\\.\\d+)?\\s*";
    static final String URL = "\\s*(https?://\\S+)?\\s*";
    static final String BASE_URL = "\\s*(https?://\\S+/)?\\s*";

    /** The environment variable each setting is documented under, for messages that name what to fix. */
    static final Map<String, String> VARIABLES = Map.of(
            "signingSecret", "SLACK_SIGNING_SECRET",
            "botToken", "SLACK_BOT_TOKEN",
            "appToken", "SLACK_APP_TOKEN",
            "clientId", "SLACK_CLIENT_ID",
            "clientSecret", "SLACK_CLIENT_SECRET",
            "redirectUri", "SLACK_REDIRECT_URI",
            "apiUrl", "FONTE_SLACK_API_URL");

    public SlackConfiguration {
        signingSecret = clean(signingSecret);
        botToken = clean(botToken);
        appToken = clean(appToken);
        clientId = clean(clientId);
        clientSecret = clean(clientSecret);
        redirectUri = clean(redirectUri);
        apiUrl = clean(apiUrl);
    }

    /** Both halves of the install flow's credentials are set. */
    public boolean installs() {
        return clientId != null && clientSecret != null;
    }

    static String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
