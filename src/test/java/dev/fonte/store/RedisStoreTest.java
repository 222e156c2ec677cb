package dev.fonte.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Redis store against a real redis-server: the same contract as the in-memory store, across connections. */
class RedisStoreTest {

    private static RedisServer server;
    private static RedisStore store;
    private static RedisStore other;

    @BeforeAll
    static void start() throws Exception {
        if (RedisServer.available()) {
            server = RedisServer.start();
            store = new RedisStore(server.url(), "fonte-test:", Duration.ofSeconds(2));
            other = new RedisStore(server.url(), "fonte-test:", Duration.ofSeconds(2));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            store.close();
            other.close();
            server.close();
        }
    }

    @BeforeEach
    void redis() {
        assumeTrue(RedisServer.available(), RedisServer.MISSING);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void an_entry_lives_for_its_own_time_to_live() throws Exception {
        String shortLived = key();
        String longLived = key();
        store.put(shortLived, "1", Duration.ofMillis(100));
        store.put(longLived, "2", Duration.ofMinutes(1));

        awaitGone(shortLived);

        assertThat(store.get(longLived)).contains("2");
        assertThat(other.get(longLived)).as("another connection sees it").contains("2");
    }

    @Test
    void put_if_absent_lets_one_writer_win_among_concurrent_ones_on_two_connections() throws Exception {
        String event = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> writers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RedisStore s = i % 2 == 0 ? store : other;
                String value = "writer-" + i;
                writers.add(() -> s.putIfAbsent(event, value, Duration.ofMinutes(10)));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(writers)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.get(event)).hasValueSatisfying(v -> assertThat(v).startsWith("writer-"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void put_if_absent_stores_again_once_the_entry_expired() throws Exception {
        String event = key();
        assertThat(store.putIfAbsent(event, "x", Duration.ofMillis(100))).isTrue();
        assertThat(other.putIfAbsent(event, "y", Duration.ofMillis(100))).isFalse();

        awaitGone(event);

        assertThat(other.putIfAbsent(event, "z", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void a_counter_window_does_not_slide_with_its_increments() throws Exception {
        String counter = key();
        try (RedisClient client = RedisClient.create(server.url());
             StatefulRedisConnection<String, String> raw = client.connect()) {
            assertThat(store.increment(counter, 1, Duration.ofMinutes(1))).isEqualTo(1);
            long first = raw.sync().pttl("fonte-test:" + counter);
            Thread.sleep(20);

            assertThat(other.increment(counter, 2, Duration.ofMinutes(1))).isEqualTo(3);

            assertThat(raw.sync().pttl("fonte-test:" + counter)).as("the window kept its end")
                    .isPositive().isLessThan(first);
        }
    }

    @Test
    void a_counter_starts_a_new_window_once_the_old_one_expired() throws Exception {
        String counter = key();
        store.increment(counter, 5, Duration.ofMillis(100));

        awaitGone(counter);

        assertThat(store.increment(counter, 1, Duration.ofMinutes(1))).isEqualTo(1);
    }

    @Test
    void delete_forgets_a_key_for_every_connection() {
        String k = key();
        store.put(k, "1", Duration.ofMinutes(1));

        other.delete(k);

        assertThat(store.get(k)).isEmpty();
    }

    @Test
    void keys_carry_the_prefix_so_deployments_can_share_a_redis() {
        String k = key();
        try (RedisStore elsewhere = new RedisStore(server.url(), "other-deployment:", Duration.ofSeconds(2))) {
            store.put(k, "ours", Duration.ofMinutes(1));

            assertThat(elsewhere.get(k)).isEmpty();
        }
    }

    @Test
    void a_redis_that_went_away_is_a_shared_store_exception_not_a_hang() throws Exception {
        RedisServer doomed = RedisServer.start();
        RedisStore orphan = new RedisStore(doomed.url(), "fonte-test:", Duration.ofMillis(500));
        try {
            orphan.put("k", "v", Duration.ofMinutes(1));
            doomed.close();

            assertThatThrownBy(() -> orphan.get("k")).isInstanceOf(SharedStoreException.class);
        } finally {
            orphan.close();
        }
    }

    @Test
    void a_redis_that_cannot_be_reached_at_start_is_said_at_once() {
        assertThatThrownBy(() -> new RedisStore("redis://127.0.0.1:1", "x:", Duration.ofMillis(500)))
                .isInstanceOf(SharedStoreException.class).hasMessageContaining("cannot connect to Redis");
    }

    private static void awaitGone(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.get(key).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.get(key)).as("expired").isEmpty();
    }
}
