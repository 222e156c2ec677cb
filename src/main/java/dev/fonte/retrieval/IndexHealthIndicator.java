package dev.fonte.retrieval;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Ready (and healthy) only once the first index has been built. */
@Singleton
@Readiness
public class IndexHealthIndicator implements HealthIndicator {

    private final IndexManager indexes;

    public IndexHealthIndicator(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.just(HealthResult.builder("index", indexes.isReady() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
