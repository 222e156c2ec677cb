package dev.fonte.retrieval;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Starts the index with the application (not in the {@code index} command, which builds the index itself), and
 * provides the real {@link ProcessExit}.
 */
@Factory
class IndexStartup {

    @Context
    @Requires(notEnv = IndexCommand.ENVIRONMENT)
    Started started(IndexManager indexes) {
        indexes.start();
        return new Started();
    }

    @Singleton
    ProcessExit processExit() {
        return status -> {
            NativeModelLoading.beforeExit();
            System.exit(status);
        };
    }

    /** That the index manager was started with the application. */
    static final class Started {
    }
}
