package dev.fonte.ops;

import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.IndexStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Re-indexes on demand: the index is brought up to date with the corpus folder in the background (only changed
 * documents are read again) and the new version is swapped in whole; questions meanwhile are answered from the one
 * being served. Works after a failed first build too. A corpus that fails to load, or that would empty an index that
 * had documents, leaves the served index in place and is reported.
 */
@Singleton
public class Reindexer {

    private final IndexManager indexes;

    public Reindexer(IndexManager indexes) {
        this.indexes = indexes;
    }

    /**
     * What is served, and how the last rebuild went.
     *
     * @param phase  where the index stands ({@link IndexStatus.Phase}), lowercase
     * @param reason why it is not fully ready, when it is not
     */
    @Serdeable
    public record Status(int documents, int sentences, @Nullable Instant builtAt, boolean rebuilding,
                         @Nullable String lastError, String phase, @Nullable String reason) {
    }

    /** Starts a rebuild; false when one is already waiting to run. */
    public boolean start() {
        return indexes.update();
    }

    public Status status() {
        IndexStatus s = indexes.status();
        return new Status(s.documents(), s.sentences(), s.builtAt(), s.updating(), s.lastError(),
                s.phase().name().toLowerCase(java.util.Locale.ROOT), s.reason());
    }
}
