package dev.fonte.store;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryStoreTest {

    private final AtomicLong now = new AtomicLong();
    private final Ticker ticker = now::get;
    private final InMemoryStore store = new InMemoryStore(100, ticker);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void an_entry_lives_for_its_own_time_to_live() {
        store.put("a", "1", Duration.ofSeconds(10));
        store.put("b", "2", Duration.ofSeconds(30));
        advance(Duration.ofSeconds(11));
        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("b")).contains("2");
    }

    @Test
    void put_if_absent_lets_the_first_writer_win_until_the_entry_expires() {
        assertThat(store.putIfAbsent("event", "x", Duration.ofMinutes(10))).isTrue();
        assertThat(store.putIfAbsent("event", "y", Duration.ofMinutes(10))).isFalse();
        assertThat(store.get("event")).contains("x");
        advance(Duration.ofMinutes(11));
        assertThat(store.putIfAbsent("event", "z", Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void a_counter_window_does_not_slide_with_its_increments() {
        assertThat(store.increment("n", 1, Duration.ofSeconds(1))).isEqualTo(1);
        advance(Duration.ofMillis(600));
        assertThat(store.increment("n", 2, Duration.ofSeconds(1))).isEqualTo(3);
        advance(Duration.ofMillis(600));
        assertThat(store.increment("n", 1, Duration.ofSeconds(1))).as("a new window").isEqualTo(1);
    }

    @Test
    void delete_forgets_a_key() {
        store.put("a", "1", Duration.ofMinutes(1));
        store.delete("a");
        assertThat(store.get("a")).isEmpty();
    }
}
