package dev.fonte.ops;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One token bucket per client (an API key, or an address without one): {@code burst} tokens, refilled at
 * {@code ratePerSecond}. The buckets are bounded: past {@code maxClients} the least recently seen is forgotten.
 */
@Singleton
public class RateLimiter {

    private final OpsConfiguration config;
    private final Clock clock;
    private final LinkedHashMap<String, double[]> buckets;

    public RateLimiter(OpsConfiguration config) {
        this(config, Clock.systemUTC());
    }

    RateLimiter(OpsConfiguration config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > config.maxClients();
            }
        };
    }

    /** Takes a token for {@code client}; empty when allowed, else the seconds to wait before the next one. */
    public synchronized OptionalLong acquire(String client) {
        long now = clock.millis();
        // a bucket is {tokens, last refill in ms}
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {config.burst(), now});
        double tokens = Math.min(config.burst(), bucket[0] + (now - bucket[1]) / 1000.0 * config.ratePerSecond());
        bucket[1] = now;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return OptionalLong.empty();
        }
        bucket[0] = tokens;
        return OptionalLong.of((long) Math.ceil((1 - tokens) / config.ratePerSecond()));
    }

}
