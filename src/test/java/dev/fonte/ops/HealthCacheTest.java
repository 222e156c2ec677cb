package dev.fonte.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes reuse a healthy indicator's result for a while, and never reuse an unhealthy one. */
class HealthCacheTest {

    /** An indicator that counts how often it is computed, with the status the test sets. */
    static final class Counting implements HealthIndicator {
        final AtomicInteger computed = new AtomicInteger();
        final AtomicReference<HealthStatus> status = new AtomicReference<>(HealthStatus.UP);

        @Override
        public Publisher<HealthResult> getResult() {
            return Mono.fromSupplier(() -> {
                computed.incrementAndGet();
                return HealthResult.builder("counting", status.get()).build();
            });
        }
    }

    static HealthCache cache(Duration ttl) {
        return new HealthCache(new ApplicationConfiguration(),
                new OpsConfiguration(List.of(), "", "", "", 20, 40, 10, 40, 200, 400, List.of(), ttl));
    }

    static HealthStatus probe(HealthCache cache, HealthIndicator indicator) {
        return Mono.from(cache.aggregate(new HealthIndicator[] {indicator}, HealthLevelOfDetail.STATUS)).block()
                .getStatus();
    }

    @Test
    void given_a_healthy_indicator_then_a_hundred_probes_compute_it_once() {
        HealthCache cache = cache(Duration.ofMinutes(5));
        Counting indicator = new Counting();

        for (int i = 0; i < 100; i++) {
            assertThat(probe(cache, indicator)).isEqualTo(HealthStatus.UP);
        }

        assertThat(indicator.computed).hasValue(1);
    }

    @Test
    void given_an_unhealthy_indicator_then_every_probe_asks_it_again_and_sees_it_recover_at_once() {
        HealthCache cache = cache(Duration.ofMinutes(5));
        Counting indicator = new Counting();
        indicator.status.set(HealthStatus.DOWN);

        assertThat(probe(cache, indicator)).isEqualTo(HealthStatus.DOWN);
        assertThat(probe(cache, indicator)).isEqualTo(HealthStatus.DOWN);
        indicator.status.set(HealthStatus.UP);

        assertThat(probe(cache, indicator)).isEqualTo(HealthStatus.UP);
        assertThat(indicator.computed).hasValue(3);
    }

    @Test
    void given_a_zero_cache_time_then_every_probe_computes_the_indicator() {
        HealthCache cache = cache(Duration.ZERO);
        Counting indicator = new Counting();

        for (int i = 0; i < 5; i++) {
            probe(cache, indicator);
        }

        assertThat(indicator.computed).hasValue(5);
    }
}
