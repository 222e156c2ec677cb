package dev.fonte.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link SharedStore} of several instances: a Redis server, through Lettuce (one thread-safe connection, which
 * reconnects by itself). Entries expire as the in-memory store's do: each after its own time to live, a counter after
 * the time to live it was created with (a fixed window, made atomic by a script). Every key gets the configured
 * prefix. A Redis that cannot be reached turns into {@link SharedStoreException}.
 */
public final class RedisStore implements SharedStore, AutoCloseable {

    /** Adds to a counter, and gives a new counter (one without an expiry yet) its window, atomically. */
    private static final String INCREMENT = """
            local value = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return value""";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;

    /** Connects to the server of {@code url}; fails at once when it cannot be reached. */
    public RedisStore(String url, String prefix, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        try {
            this.connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            throw new SharedStoreException("cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort()
                    + ": " + e.getMessage(), e);
        }
        this.redis = connection.sync();
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        return call(() -> Optional.ofNullable(redis.get(prefix + key)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        call(() -> redis.set(prefix + key, value, SetArgs.Builder.px(millis(ttl))));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return call(() -> "OK".equals(redis.set(prefix + key, value, SetArgs.Builder.nx().px(millis(ttl)))));
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        Long value = call(() -> redis.eval(INCREMENT, ScriptOutputType.INTEGER, new String[] {prefix + key},
                Long.toString(delta), Long.toString(millis(ttl))));
        return value;
    }

    @Override
    public void delete(String key) {
        call(() -> redis.del(prefix + key));
    }

    /** Redis expires by the millisecond, and refuses 0: a shorter time to live is one millisecond. */
    private static long millis(Duration ttl) {
        return Math.max(1, ttl.toMillis());
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new SharedStoreException("the shared store (Redis) failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
