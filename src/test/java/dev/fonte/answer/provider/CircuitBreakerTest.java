package dev.fonte.answer.provider;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerTest {

    final MutableClock clock = new MutableClock();
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), clock);

    @Test
    void given_fewer_consecutive_failures_than_the_threshold_then_calls_still_go_through() {
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void given_a_success_between_failures_then_the_count_starts_again() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void given_the_threshold_reached_then_it_opens_and_skips_calls_until_the_open_time_has_passed() {
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.onFailure()).as("the third failure opens it").isTrue();

        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(59));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).as("one trial after 60 s").isTrue();
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
    }

    @Test
    void given_a_successful_trial_then_it_closes() {
        openIt();
        clock.advance(Duration.ofSeconds(60));
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void given_a_failed_trial_then_it_reopens_for_another_full_period() {
        openIt();
        clock.advance(Duration.ofSeconds(60));
        breaker.tryAcquire();

        assertThat(breaker.onFailure()).isTrue();

        clock.advance(Duration.ofSeconds(59));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void given_a_threshold_below_one_then_it_is_refused() {
        assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void openIt() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
    }
}
