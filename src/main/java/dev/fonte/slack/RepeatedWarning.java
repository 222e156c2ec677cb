package dev.fonte.slack;

import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning that may repeat many times a second (forged requests, a wrong signing secret, events from a workspace
 * that is not installed): logged at most once per interval, with how many were left out since the last line.
 */
final class RepeatedWarning {

    private final Logger log;
    private final long intervalMillis;
    private final Clock clock;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong leftOut = new AtomicLong();

    RepeatedWarning(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    /** Logs the line unless one was logged within the interval; {@code {}} placeholders as in SLF4J. */
    void warn(String format, Object... args) {
        long now = clock.millis();
        long next = nextLineAt.get();
        if (now < next || !nextLineAt.compareAndSet(next, now + intervalMillis)) {
            leftOut.incrementAndGet();
            return;
        }
        long skipped = leftOut.getAndSet(0);
        if (skipped > 0) {
            log.warn(format + " ({} more like it since the last line)", append(args, skipped));
        } else {
            log.warn(format, args);
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
