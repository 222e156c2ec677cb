package dev.fonte.store;

import java.time.Duration;
import java.util.Optional;

/**
 * State that every replica of Fonte must see alike: conversation memory, Slack thread memory and event
 * deduplication, rate-limit counters. One small port with an in-process default ({@link InMemoryStore}) and a shared
 * implementation for several instances. Keys are namespaced by their callers ({@code conversation:...},
 * {@code slack:event:...}); every entry expires, so nothing grows without bound.
 */
public interface SharedStore {

    /** The value stored under {@code key}, unless it is absent or expired. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key} for {@code ttl}, replacing what was there. */
    void put(String key, String value, Duration ttl);

    /**
     * Stores {@code value} only when {@code key} holds nothing live: true when this call stored it. Atomic across
     * replicas, so the first of two concurrent callers wins (Slack's retries delivered to two replicas).
     */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /**
     * Adds {@code delta} to the counter under {@code key} and returns the new value; a counter that does not exist
     * starts at 0 and lives for {@code ttl} from its creation (a fixed window).
     */
    long increment(String key, long delta, Duration ttl);

    /** Forgets {@code key}; nothing happens when it is absent. */
    void delete(String key);
}
