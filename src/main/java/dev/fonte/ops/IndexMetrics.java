package dev.fonte.ops;

import dev.fonte.retrieval.IndexManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.time.Instant;

/** Gauges of the index being served: its size and its age (how long since it was built). */
@Context
public class IndexMetrics {

    public IndexMetrics(IndexManager indexes, MeterRegistry meters) {
        Gauge.builder("fonte.index.sentences", indexes, i -> i.isReady() ? i.current().size() : 0).register(meters);
        Gauge.builder("fonte.index.bytes", indexes, i -> i.isReady() ? i.current().sizeInBytes() : 0)
                .baseUnit("bytes").register(meters);
        Gauge.builder("fonte.index.age", indexes,
                        i -> i.builtAt() == null ? 0 : Duration.between(i.builtAt(), Instant.now()).toSeconds())
                .baseUnit("seconds").register(meters);
    }
}
