package dev.fonte.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recently seen Slack {@code event_id}s so that Slack's retries (up to 3, with {@code X-Slack-Retry-Num})
 * are answered once. Bounded in size and in time: entries expire after the window, the oldest go first when full.
 */
@Singleton
@Requires(beans = SlackConfiguration.class)
class SlackDeduplicator {

    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final Duration window;
    private final int capacity;
    private final Clock clock;

    @Inject
    SlackDeduplicator(SlackConfiguration configuration) {
        this(configuration.dedupWindow(), configuration.dedupCapacity(), Clock.systemUTC());
    }

    SlackDeduplicator(Duration window, int capacity, Clock clock) {
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** True the first time an id is seen within the window, false for a repeat. */
    synchronized boolean firstTime(String eventId) {
        Instant now = clock.instant();
        expire(now);
        if (seen.containsKey(eventId)) {
            return false;
        }
        seen.put(eventId, now);
        while (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets an id whose work could not be started, so that Slack's retry gets another chance. */
    synchronized void forget(String eventId) {
        seen.remove(eventId);
    }

    synchronized int size() {
        return seen.size();
    }

    private void expire(Instant now) {
        Instant oldestKept = now.minus(window);
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue().isBefore(oldestKept)) {
            entries.remove();
        }
    }
}
