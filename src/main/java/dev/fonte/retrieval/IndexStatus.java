package dev.fonte.retrieval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What the index being served is, and how its upkeep goes: what readiness and the admin API report. Reasons are
 * written for whoever runs the server and never name a path on its disk (those are in its log).
 *
 * @param phase        where the index stands
 * @param reason       why it is not (fully) ready, when it is not
 * @param documents    documents served
 * @param sentences    sentences served
 * @param vectorsDone  sentence vectors computed by the update under way
 * @param vectorsTotal sentence vectors that update has to compute
 * @param builtAt      when the served version was committed
 * @param updating     whether an update is under way
 * @param lastError    why the last update failed, if it did (cleared by one that succeeds)
 */
@Serdeable
public record IndexStatus(Phase phase, @Nullable String reason, int documents, int sentences, long vectorsDone,
                          long vectorsTotal, @Nullable Instant builtAt, boolean updating, @Nullable String lastError) {

    /** Where the index stands. */
    public enum Phase {
        /** Nothing opened yet. */
        STARTING,
        /** No index is served yet: the first one is being built. */
        BUILDING,
        /** A read-only instance with no usable index yet: it waits for one to be committed. */
        WAITING,
        /** No index can be served, or a build ran out of memory (or met another fatal error): see the reason. */
        FAILED,
        /** An index is served, but the corpus has no document: every question is refused. */
        EMPTY,
        /** Served from BM25 alone while the sentence vectors are computed (or after another model computed them). */
        BM25,
        /** Served whole. */
        READY;

        /** Whether questions can be answered from what is served. */
        public boolean serving() {
            return this == BM25 || this == READY;
        }
    }

    static IndexStatus starting() {
        return new IndexStatus(Phase.STARTING, "the index is being opened", 0, 0, 0, 0, null, false, null);
    }

    IndexStatus with(Phase phase, @Nullable String reason) {
        return new IndexStatus(phase, reason, documents, sentences, vectorsDone, vectorsTotal, builtAt, updating,
                lastError);
    }

    IndexStatus serving(Phase phase, @Nullable String reason, int documents, int sentences, Instant builtAt) {
        return new IndexStatus(phase, reason, documents, sentences, vectorsDone, vectorsTotal, builtAt, updating,
                lastError);
    }

    IndexStatus progress(long done, long total) {
        return new IndexStatus(phase, reason, documents, sentences, done, total, builtAt, updating, lastError);
    }

    IndexStatus updating(boolean now) {
        return new IndexStatus(phase, reason, documents, sentences, vectorsDone, vectorsTotal, builtAt, now,
                lastError);
    }

    IndexStatus failed(@Nullable String error) {
        return new IndexStatus(phase, reason, documents, sentences, vectorsDone, vectorsTotal, builtAt, updating,
                error);
    }
}
