package dev.fonte.ops;

import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.PassageIndex;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the index from the corpus folder in the background and swaps it in whole; questions meanwhile are answered
 * from the index being served. A corpus that fails to load, or that would empty a corpus that had documents, leaves
 * the served index in place and is reported.
 */
@Singleton
public class Reindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final IndexManager indexes;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastError;

    public Reindexer(IndexManager indexes) {
        this.indexes = indexes;
    }

    /** What is served, and how the last rebuild went. */
    @Serdeable
    public record Status(int documents, int sentences, @Nullable Instant builtAt, boolean rebuilding,
                         @Nullable String lastError) {
    }

    /** Starts a rebuild; false when one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread worker = new Thread(this::rebuild, "fonte-reindex");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    void rebuild() {
        try {
            PassageIndex before = indexes.current();
            PassageIndex built = indexes.build();
            if (built.corpus().isEmpty() && !before.corpus().isEmpty()) {
                built.close();
                throw new IllegalStateException("the corpus folder has no readable document; the served index is kept");
            }
            indexes.swap(built);
            lastError = null;
            IndexManager.embedVocabulary(built);
        } catch (Exception e) {
            lastError = e.getMessage();
            LOG.warn("Re-index failed, the served index is kept: {}", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    public Status status() {
        PassageIndex index = indexes.current();
        return new Status(index.corpus().documents().size(), index.size(), indexes.builtAt(), running.get(), lastError);
    }
}
