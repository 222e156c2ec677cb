package dev.fonte.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/**
 * The default {@link SharedStore}: a Caffeine cache in this process, each entry expiring after its own time to live
 * and the least recently used going first past {@code maximumSize}. Enough for one instance; state is lost on restart.
 */
public final class InMemoryStore implements SharedStore {

    /** A value and when it expires, on the ticker's clock. */
    private record Entry(String value, long deadlineNanos) {
    }

    private final Cache<String, Entry> entries;
    private final Ticker ticker;

    public InMemoryStore(long maximumSize) {
        this(maximumSize, Ticker.systemTicker());
    }

    InMemoryStore(long maximumSize, Ticker ticker) {
        this.ticker = ticker;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return Math.max(0, entry.deadlineNanos() - now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return Math.max(0, entry.deadlineNanos() - now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, deadline(ttl)));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return entries.asMap().putIfAbsent(key, new Entry(value, deadline(ttl))) == null;
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        // a counter keeps the deadline it was created with: the window does not slide with each increment
        Entry e = entries.asMap().compute(key, (k, old) -> old == null
                ? new Entry(Long.toString(delta), deadline(ttl))
                : new Entry(Long.toString(Long.parseLong(old.value()) + delta), old.deadlineNanos()));
        return Long.parseLong(e.value());
    }

    private long deadline(Duration ttl) {
        return ticker.read() + ttl.toNanos();
    }

    @Override
    public void delete(String key) {
        entries.invalidate(key);
    }

    /** Live entries, for metrics and tests (approximate while expiry runs). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
