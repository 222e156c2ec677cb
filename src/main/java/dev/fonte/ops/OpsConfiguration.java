package dev.fonte.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

/**
 * Access and load limits of the API.
 *
 * @param apiKeys       keys a client may send as {@code Authorization: Bearer <key>} to ask questions; empty: the chat
 *                      API is open (FONTE_API_KEYS, comma-separated)
 * @param adminKey      the key of admin operations (re-index); empty: admin operations are off (FONTE_ADMIN_KEY)
 * @param ratePerSecond questions per second each API key, or each client address without a key, may ask
 * @param burst         questions a client may ask at once before the rate applies
 * @param maxClients    clients whose buckets are remembered; the idlest are forgotten first
 * @param maxInFlight   answers computed at once; beyond it a question is refused at once with 503
 */
@ConfigurationProperties(OpsConfiguration.PREFIX)
@io.micronaut.context.annotation.Context // validated at start-up: a bad value stops the server, not a request
public record OpsConfiguration(
        @Bindable(defaultValue = "") List<String> apiKeys,
        @Bindable(defaultValue = "") String adminKey,
        @DecimalMin("0.01") @Bindable(defaultValue = "20") double ratePerSecond,
        @Min(1) @Max(10_000_000) @Bindable(defaultValue = "40") int burst,
        @Min(16) @Max(10_000_000) @Bindable(defaultValue = "100000") int maxClients,
        @Min(1) @Max(10_000) @Bindable(defaultValue = "64") int maxInFlight) {

    public static final String PREFIX = "fonte.ops";

    public List<String> keys() {
        return apiKeys == null ? List.of() : apiKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    public boolean adminEnabled() {
        return adminKey != null && !adminKey.isBlank();
    }
}
