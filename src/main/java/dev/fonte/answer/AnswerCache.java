package dev.fonte.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fonte.retrieval.PassageIndex;

import java.lang.ref.WeakReference;
import java.util.Optional;

/**
 * The embedded default's answers to questions asked out of any conversation, by question text, for the index they
 * were computed on (that model is deterministic): a starter question the widget offers to everyone is answered once
 * per index, not once per visitor. An entry of a replaced index never matches again, and the bounded cache forgets
 * it.
 */
final class AnswerCache {

    /** The index is held weakly: a cached answer never keeps a replaced index in memory. */
    private record Entry(WeakReference<PassageIndex> index, Answer answer) {
    }

    private final Cache<String, Entry> entries;
    private final int size;

    /** @param size answers kept; 0 keeps none */
    AnswerCache(int size) {
        this.size = size;
        this.entries = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    Optional<Answer> get(String question, PassageIndex index, String conversationId) {
        if (size == 0) {
            return Optional.empty();
        }
        Entry e = entries.getIfPresent(question);
        if (e == null || e.index().get() != index) {
            return Optional.empty();
        }
        Answer a = e.answer();
        return Optional.of(new Answer(conversationId, a.answer(), a.answered(), a.language(), a.citations(),
                a.model()));
    }

    void put(String question, PassageIndex index, Answer answer) {
        if (size == 0) {
            return;
        }
        entries.put(question, new Entry(new WeakReference<>(index), answer));
    }

    /** Answers kept now (for tests and metrics). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
