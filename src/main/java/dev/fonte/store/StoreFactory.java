package dev.fonte.store;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The in-process store, unless another {@link SharedStore} bean (a shared one for several instances) is configured. */
@Factory
class StoreFactory {

    /** Entries kept at most in one process: conversations, Slack events and rate-limit windows together. */
    static final long MAXIMUM_ENTRIES = 200_000;

    @Singleton
    @Requires(missingBeans = SharedStore.class)
    SharedStore inMemoryStore() {
        return new InMemoryStore(MAXIMUM_ENTRIES);
    }
}
