package dev.fonte.retrieval;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready once an index with documents is served (from BM25 alone while its vectors are computed: the details say so),
 * down otherwise with the reason: being built, waiting for a shared index, failed, or an empty corpus.
 */
@Singleton
@Readiness
public class IndexHealthIndicator implements HealthIndicator {

    private final IndexManager indexes;

    public IndexHealthIndicator(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        IndexStatus s = indexes.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("phase", s.phase().name().toLowerCase(java.util.Locale.ROOT));
        if (s.reason() != null) {
            details.put("reason", s.reason());
        }
        details.put("documents", s.documents());
        details.put("sentences", s.sentences());
        if (s.vectorsTotal() > 0) {
            details.put("vectors", s.vectorsDone() + "/" + s.vectorsTotal());
        }
        if (s.lastError() != null) {
            details.put("lastError", s.lastError());
        }
        return Mono.just(HealthResult.builder("index", s.phase().serving() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
