package dev.fonte.store;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared store: Redis when {@code FONTE_REDIS_URL} names one (every instance then sees the same state), else the
 * in-process store, unless another {@link SharedStore} bean is configured.
 */
@Factory
class StoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    /** Entries kept at most in one process: conversations, Slack events and rate-limit windows together. */
    static final long MAXIMUM_ENTRIES = 200_000;

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = StoreConfiguration.PREFIX + ".redis-url", pattern = ".+")
    RedisStore redisStore(StoreConfiguration config) {
        RedisStore store = new RedisStore(config.redisUrl().trim(), config.prefix(), config.timeout());
        LOG.info("Shared state in Redis (keys prefixed '{}')", config.prefix());
        return store;
    }

    @Singleton
    @Requires(missingBeans = SharedStore.class)
    SharedStore inMemoryStore() {
        return new InMemoryStore(MAXIMUM_ENTRIES);
    }
}
