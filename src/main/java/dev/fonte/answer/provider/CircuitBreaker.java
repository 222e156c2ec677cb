package dev.fonte.answer.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Skips a provider that keeps failing: after {@code failuresToOpen} consecutive failures it stays open for
 * {@code openFor}, then lets one trial call through (half-open). A success closes it; a failed trial reopens it; a
 * trial that ends with neither (the asker left) gives the trial back, so the breaker always leaves half-open.
 * Thread-safe; time comes from the injected {@link Clock} so tests need not sleep.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.MIN;

    public CircuitBreaker(int failuresToOpen, Duration openFor, Clock clock) {
        if (failuresToOpen < 1) {
            throw new IllegalArgumentException("failuresToOpen must be at least 1, got " + failuresToOpen);
        }
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go to the provider now. While half-open, only the first caller gets the trial. */
    public synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case HALF_OPEN -> false;
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    yield false;
                }
                state = State.HALF_OPEN;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    /**
     * A call that ended without telling whether the provider works (the asker left while it was answering). A trial
     * is given back: the breaker is open again with its time already served, so the next call is the new trial.
     * Outside a trial nothing changes: the call counts as neither a success nor a failure.
     */
    public synchronized void release() {
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
        }
    }

    /** @return true when this failure opened the breaker */
    public synchronized boolean onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= failuresToOpen)) {
            state = State.OPEN;
            openedAt = clock.instant();
            return true;
        }
        return false;
    }

    public synchronized State state() {
        return state;
    }
}
