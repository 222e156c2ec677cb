package dev.fonte.slack;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackRequestVerifierTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final Instant NOW = Instant.parse("2025-02-01T10:00:00Z");

    private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final SlackSignature.Generator slack = new SlackSignature.Generator(SECRET);

    @Test
    void a_request_signed_by_slack_over_a_non_ascii_body_is_accepted() {
        String body = "{\"event\":{\"text\":\"Perché Meta investe così tanto? €\"}}";
        String ts = String.valueOf(NOW.getEpochSecond() - 299);

        assertThatCode(() -> verifier.verify(ts, slack.generate(ts, body), body.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_timestamp_from_the_future_beyond_the_window_is_rejected_although_the_sdk_verifier_accepts_it() {
        String body = "text=hi";
        String future = String.valueOf(NOW.getEpochSecond() + 3600);

        assertThatThrownBy(() -> verifier.verify(future, slack.generate(future, body), bytes(body)))
                .isInstanceOf(SlackSignatureException.class).hasMessageContaining("stale");
    }

    @Test
    void a_body_changed_by_one_byte_is_rejected() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String signature = slack.generate(ts, "text=hi");

        assertThatThrownBy(() -> verifier.verify(ts, signature, bytes("text=hI")))
                .isInstanceOf(SlackSignatureException.class).hasMessageContaining("mismatch");
    }

    @Test
    void a_malformed_timestamp_is_rejected() {
        assertThatThrownBy(() -> verifier.verify("yesterday", "v0=00", bytes("x")))
                .isInstanceOf(SlackSignatureException.class).hasMessageContaining("malformed");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
