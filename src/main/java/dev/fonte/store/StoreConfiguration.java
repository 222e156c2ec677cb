package dev.fonte.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Where the state replicas share lives.
 *
 * @param redisUrl a Redis server ({@code redis://host:6379}, {@code rediss://} for TLS, {@code redis://:password@host})
 *                 shared by every instance; empty: each instance keeps its state in its own memory
 * @param prefix   put before every key, so that one Redis can serve several deployments
 * @param timeout  one Redis command; beyond it the request that needed it is refused with 503
 */
@ConfigurationProperties(StoreConfiguration.PREFIX)
public record StoreConfiguration(
        @Nullable String redisUrl,
        @NotNull @Bindable(defaultValue = "fonte:") String prefix,
        @NotNull @Bindable(defaultValue = "2s") Duration timeout) {

    public static final String PREFIX = "fonte.store";
}
