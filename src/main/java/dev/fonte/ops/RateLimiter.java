package dev.fonte.ops;

import dev.fonte.store.SharedStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Request budgets, counted in the {@link SharedStore} so that every replica sees the same counts when a shared store
 * is configured. Each budget is a sliding window approximated over two fixed windows (the store's counters): the
 * estimate is this window's count plus the previous window's, weighted by how much of it still overlaps the sliding
 * window. A budget of {@code burst} at {@code rate} per second is at most {@code burst} requests in any window of
 * {@code burst / rate} seconds: a burst is served at once, and on average the rate applies. A refused request does not
 * count, so a client that waits as {@code Retry-After} says is served at the budget's rate.
 */
@Singleton
public class RateLimiter {

    /** A named budget: at most {@code limit} requests in any {@code window}. */
    public record Budget(String name, long limit, Duration window) {

        public static Budget of(String name, double ratePerSecond, int burst) {
            return new Budget(name, burst, Duration.ofMillis(Math.max(1, Math.round(burst / ratePerSecond * 1000))));
        }
    }

    private final SharedStore store;
    private final Clock clock;

    public RateLimiter(SharedStore store) {
        this(store, Clock.systemUTC());
    }

    RateLimiter(SharedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts one request of {@code client} against {@code budget}: empty when allowed, else the seconds to wait. */
    public OptionalLong acquire(String client, Budget budget) {
        long now = clock.millis();
        long window = budget.window().toMillis();
        long index = now / window;
        double elapsed = (now % window) / (double) window;
        String key = "rate:" + budget.name() + ":" + client + ":";
        // counted first, so that two replicas cannot both take the last place; given back when refused
        long current = store.increment(key + index, 1, budget.window().multipliedBy(2));
        long previous = store.get(key + (index - 1)).map(Long::parseLong).orElse(0L);
        if (previous * (1 - elapsed) + current <= budget.limit()) {
            return OptionalLong.empty();
        }
        store.increment(key + index, -1, budget.window().multipliedBy(2));
        return OptionalLong.of(secondsUntilFree(budget.limit(), current - 1, previous, elapsed, window));
    }

    /**
     * When one more request would fit if nothing else came, given the counts without it: later in this window, or
     * into the next one (where this window's count weighs as the previous one's).
     */
    static long secondsUntilFree(long limit, long current, long previous, double elapsed, long window) {
        double at; // the point, in windows from the start of this one, where the estimate with one more fits
        if (current + 1 <= limit && previous > 0) {
            at = 1 - (limit - current - 1) / (double) previous;
        } else {
            at = 1 + Math.max(0, 1 - (limit - 1) / (double) Math.max(1, current));
        }
        return Math.max(1, (long) Math.ceil((at - elapsed) * window / 1000.0));
    }
}
