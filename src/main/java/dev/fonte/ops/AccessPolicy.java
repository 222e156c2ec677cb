package dev.fonte.ops;

import dev.fonte.http.TooManyRequestsException;
import dev.fonte.http.UnauthorizedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One rule for every request to the API: a valid key draws on that key's budget; anything else is anonymous, whatever
 * its {@code Origin} or {@code Host} say. Anonymous requests draw on their client address's budget and, when served,
 * on the ceiling all anonymous traffic shares; they are served only when the operator allows anonymous use, else 401.
 * A wrong key (or a wrong admin key) is a 401 that still draws on the address's budget, so guessing ends in 429.
 */
@Singleton
public class AccessPolicy {

    static final String REALM = "fonte";
    static final String ADMIN_REALM = "fonte-admin";

    private final OpsConfiguration config;
    private final ApiKeys keys;
    private final ClientAddresses addresses;
    private final RateLimiter limiter;
    private final MeterRegistry meters;
    private final RateLimiter.Budget perKey;
    private final RateLimiter.Budget perAddress;
    private final RateLimiter.Budget ceiling;

    public AccessPolicy(OpsConfiguration config, ApiKeys keys, ClientAddresses addresses, RateLimiter limiter,
                        MeterRegistry meters) {
        this.config = config;
        this.keys = keys;
        this.addresses = addresses;
        this.limiter = limiter;
        this.meters = meters;
        this.perKey = RateLimiter.Budget.of("key", config.ratePerSecond(), config.burst());
        this.perAddress = RateLimiter.Budget.of("address", config.anonymousRatePerSecond(), config.anonymousBurst());
        this.ceiling = RateLimiter.Budget.of("anonymous", config.anonymousCeilingPerSecond(),
                config.anonymousCeilingBurst());
    }

    /**
     * Admits a request to the chat, citation and document endpoints, or throws.
     *
     * @throws UnauthorizedException    no valid key, and anonymous use is off or a wrong key was sent
     * @throws TooManyRequestsException over the key's, the address's or the anonymous ceiling's budget
     */
    public void admit(HttpRequest<?> request) {
        Optional<String> presented = bearer(request);
        if (presented.isPresent()) {
            Optional<String> key = keys.idOf(presented.get());
            if (key.isPresent()) {
                draw(key.get(), perKey);
                return;
            }
            draw(addresses.of(request), perAddress);
            throw new UnauthorizedException(REALM, "the API key is not valid");
        }
        draw(addresses.of(request), perAddress);
        if (!config.anonymousAllowed()) {
            throw new UnauthorizedException(REALM, "an API key is required: Authorization: Bearer <key>");
        }
        draw("all", ceiling);
    }

    /**
     * Admits an admin request: the admin key, or a 401 drawn on the address's budget (then 429). Without an admin key
     * configured there are no admin endpoints, and the request goes on to its 404.
     */
    public void admitAdmin(HttpRequest<?> request) {
        if (!config.adminEnabled()) {
            return;
        }
        boolean valid = bearer(request).filter(k -> constantTimeEquals(config.adminKey().strip(), k)).isPresent();
        if (!valid) {
            draw(addresses.of(request), perAddress);
            throw new UnauthorizedException(ADMIN_REALM,
                    "the admin key is required: Authorization: Bearer <admin key>");
        }
    }

    private void draw(String client, RateLimiter.Budget budget) {
        OptionalLong wait = limiter.acquire(client, budget);
        if (wait.isPresent()) {
            meters.counter("fonte.ratelimit.rejections", "budget", budget.name()).increment();
            throw new TooManyRequestsException(wait.getAsLong(),
                    "too many requests: try again in " + wait.getAsLong() + " s");
        }
    }

    static Optional<String> bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
