package dev.fonte.retrieval;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Starts the index with the application (not in the {@code index} command, which builds the index itself), and
 * provides the real {@link ProcessExit}.
 */
@Factory
class IndexStartup {

    @Singleton
    ProcessExit processExit() {
        return System::exit;
    }

    /**
     * Starts the index once the application has started: after every setting has been checked, so that a start a bad
     * setting stops never begins a build (whose embedding model, loading its native library on another thread, does
     * not survive the process exiting under it).
     */
    @Singleton
    @Requires(notEnv = IndexCommand.ENVIRONMENT)
    static final class Starter {

        private final IndexManager indexes;

        Starter(IndexManager indexes) {
            this.indexes = indexes;
        }

        @EventListener
        void onStartup(StartupEvent event) {
            indexes.start();
        }
    }
}
