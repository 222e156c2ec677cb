package dev.fonte.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Who may use the API, and how much. A request with a valid key is a bot's and draws on that key's budget; any other
 * request is anonymous, whatever its headers say ({@code Origin} decides CORS, never access): allowed only when
 * {@code anonymous} is on, within a budget per client address and a ceiling shared by all anonymous traffic.
 * A budget is {@code burst} requests at once, refilled at {@code rate-per-second}.
 *
 * @param apiKeys                   keys bots send as {@code Authorization: Bearer <key>} (FONTE_API_KEYS)
 * @param apiKeysFile               a file of keys, one per line, re-read when it changes (FONTE_API_KEYS_FILE)
 * @param adminKey                  the key of admin operations; empty: they are off (FONTE_ADMIN_KEY)
 * @param anonymous                 whether requests without a valid key are served (FONTE_ANONYMOUS): {@code true},
 *                                  {@code false}, or empty (the default) for "only when no key is configured at all".
 *                                  The widget and the demo page need it on
 * @param ratePerSecond             each key's rate (FONTE_RATE_PER_SECOND)
 * @param burst                     each key's burst (FONTE_RATE_BURST)
 * @param anonymousRatePerSecond    each client address's rate without a key; failed key attempts draw on it too
 * @param anonymousBurst            each client address's burst without a key
 * @param anonymousCeilingPerSecond the rate of all anonymous requests together, whatever their address
 * @param anonymousCeilingBurst     the burst of all anonymous requests together
 * @param trustedProxies            addresses or CIDR ranges of the reverse proxies in front of the server: only a
 *                                  request from one of them has its client address read from {@code Forwarded} or
 *                                  {@code X-Forwarded-For} (FONTE_TRUSTED_PROXIES)
 * @param healthCache               how long a healthy indicator's result answers the health probes before it is
 *                                  computed again; 0 computes it at every probe
 */
@ConfigurationProperties(OpsConfiguration.PREFIX)
@Context // validated at start-up: a bad value stops the server, not a request
public record OpsConfiguration(
        @Bindable(defaultValue = "") List<String> apiKeys,
        @Bindable(defaultValue = "") String apiKeysFile,
        @Bindable(defaultValue = "") String adminKey,
        @Bindable(defaultValue = "") String anonymous,
        @DecimalMin("0.001") @Bindable(defaultValue = "20") double ratePerSecond,
        @Min(1) @Max(10_000_000) @Bindable(defaultValue = "40") int burst,
        @DecimalMin("0.001") @Bindable(defaultValue = "10") double anonymousRatePerSecond,
        @Min(1) @Max(10_000_000) @Bindable(defaultValue = "40") int anonymousBurst,
        @DecimalMin("0.001") @Bindable(defaultValue = "200") double anonymousCeilingPerSecond,
        @Min(1) @Max(10_000_000) @Bindable(defaultValue = "400") int anonymousCeilingBurst,
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @NotNull @Bindable(defaultValue = "1s") Duration healthCache) {

    public static final String PREFIX = "fonte.ops";

    public OpsConfiguration {
        anonymous = anonymous == null ? "" : anonymous.strip().toLowerCase(Locale.ROOT);
        if (!List.of("", "true", "false").contains(anonymous)) {
            throw new IllegalArgumentException(PREFIX + ".anonymous must be true, false or empty, was '" + anonymous
                    + "'");
        }
        if (healthCache != null && healthCache.isNegative()) {
            throw new IllegalArgumentException(PREFIX + ".health-cache must not be negative, was " + healthCache);
        }
    }

    public List<String> keys() {
        return clean(apiKeys);
    }

    public List<String> proxies() {
        return clean(trustedProxies);
    }

    /** Whether keys are configured at all: a key file counts even while it holds no usable key. */
    public boolean keysConfigured() {
        return !keys().isEmpty() || apiKeysFile != null && !apiKeysFile.isBlank();
    }

    /** Anonymous requests are served when the operator says so, or by default when no key is configured. */
    public boolean anonymousAllowed() {
        return anonymous.isEmpty() ? !keysConfigured() : Boolean.parseBoolean(anonymous);
    }

    public boolean adminEnabled() {
        return adminKey != null && !adminKey.isBlank();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}
