package dev.fonte.ops;

import dev.fonte.store.InMemoryStore;
import dev.fonte.store.SharedStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Budgets as sliding windows over the shared store's fixed-window counters. */
class RateLimiterTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        long millis = 1_000_000;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final TestClock clock = new TestClock();
    final SharedStore store = new InMemoryStore(1000);
    // 3 requests in any 3 s
    final RateLimiter.Budget budget = RateLimiter.Budget.of("test", 1.0, 3);

    @Test
    void given_a_burst_then_it_is_served_at_once_and_the_next_request_is_told_how_long_to_wait() {
        RateLimiter limiter = new RateLimiter(store, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", budget)).isEmpty();
        }
        OptionalLong wait = limiter.acquire("a", budget);

        assertThat(wait).isPresent();
        assertThat(wait.getAsLong()).isBetween(1L, 6L);
    }

    @Test
    void given_a_refusal_when_the_client_waits_as_told_then_it_is_served() {
        RateLimiter limiter = new RateLimiter(store, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a", budget);
        }
        long wait = limiter.acquire("a", budget).orElseThrow();

        clock.millis += wait * 1000;

        assertThat(limiter.acquire("a", budget)).isEmpty();
    }

    @Test
    void given_a_client_that_keeps_asking_while_refused_then_its_refusals_do_not_push_its_turn_back() {
        RateLimiter limiter = new RateLimiter(store, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a", budget);
        }
        long firstWait = limiter.acquire("a", budget).orElseThrow();
        for (int i = 0; i < 50; i++) {
            limiter.acquire("a", budget);
        }

        assertThat(limiter.acquire("a", budget).orElseThrow()).isEqualTo(firstWait);
    }

    @Test
    void given_two_clients_then_each_has_its_own_budget() {
        RateLimiter limiter = new RateLimiter(store, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a", budget);
        }

        assertThat(limiter.acquire("a", budget)).isPresent();
        assertThat(limiter.acquire("b", budget)).isEmpty();
    }

    @Test
    void given_two_replicas_over_one_store_then_they_share_the_count() {
        RateLimiter one = new RateLimiter(store, clock);
        RateLimiter two = new RateLimiter(store, clock);

        one.acquire("a", budget);
        two.acquire("a", budget);
        one.acquire("a", budget);

        assertThat(two.acquire("a", budget)).isPresent();
    }

    @Test
    void given_steady_requests_that_never_put_more_than_the_limit_in_a_window_then_none_is_refused() {
        RateLimiter limiter = new RateLimiter(store, clock);
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            refused += limiter.acquire("a", budget).isPresent() ? 1 : 0;
            // every 1.5 s: a window of 3 s never holds more than 3 requests, the one being asked included
            clock.millis += 1500;
        }

        assertThat(refused).isZero();
    }
}
