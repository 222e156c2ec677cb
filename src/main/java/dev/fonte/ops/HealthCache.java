package dev.fonte.ops;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Arrays;

/**
 * Probes answer from cached state. Orchestrators ask {@code /health/liveness} and {@code /health/readiness} more
 * often than anything else, and some indicators are costly (the deadlocked-threads check stops every thread to look),
 * so the aggregation behind every health endpoint reuses each indicator's healthy result for
 * {@code fonte.ops.health-cache} before computing it again. A result that is not UP is never reused: a server that is
 * down is asked again at each probe, and seen UP as soon as it is.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
@Requires(beans = HealthEndpoint.class)
public class HealthCache extends DefaultHealthAggregator {

    private final Duration ttl;
    /** One cached view per indicator, by identity (weak keys). */
    private final Cache<HealthIndicator, HealthIndicator> cached = Caffeine.newBuilder().weakKeys().build();

    public HealthCache(ApplicationConfiguration application, OpsConfiguration config) {
        super(application);
        this.ttl = config.healthCache();
    }

    @Override
    protected Flux<HealthResult> aggregateResults(HealthIndicator[] indicators) {
        if (ttl.isZero()) {
            return super.aggregateResults(indicators);
        }
        return super.aggregateResults(Arrays.stream(indicators)
                .map(indicator -> cached.get(indicator, i -> new Cached(i, ttl))).toArray(HealthIndicator[]::new));
    }

    /** One indicator, its last UP result kept for a while. */
    static final class Cached implements HealthIndicator {

        private final AsyncLoadingCache<Boolean, HealthResult> last;

        Cached(HealthIndicator indicator, Duration ttl) {
            this.last = Caffeine.newBuilder().maximumSize(1).expireAfter(new Expiry<Boolean, HealthResult>() {
                @Override
                public long expireAfterCreate(Boolean key, HealthResult result, long now) {
                    return HealthStatus.UP.equals(result.getStatus()) ? ttl.toNanos() : 0;
                }

                @Override
                public long expireAfterUpdate(Boolean key, HealthResult result, long now, long remaining) {
                    return expireAfterCreate(key, result, now);
                }

                @Override
                public long expireAfterRead(Boolean key, HealthResult result, long now, long remaining) {
                    return remaining;
                }
            }).buildAsync((key, executor) -> Mono.from(indicator.getResult()).toFuture());
        }

        @Override
        public Publisher<HealthResult> getResult() {
            return Mono.fromFuture(last.get(Boolean.TRUE));
        }
    }
}
