package dev.fonte.slack;

import com.slack.api.app_backend.SlackSignature;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks Slack's request signature: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody))}.
 * <p>
 * The expected value comes from the SDK's {@link SlackSignature.Generator}. The comparison is ours, for two reasons:
 * the SDK's {@code Verifier} compares with {@code String.equals} (not constant-time) and accepts any timestamp in the
 * future; here both directions of the replay window are checked and the comparison is {@link MessageDigest#isEqual}.
 * The generator hashes {@code String.getBytes()} in the platform charset, so when the raw body does not survive that
 * round trip (a non-UTF-8 platform and a non-ASCII body) the HMAC is computed over the raw bytes directly.
 */
@Singleton
class SlackRequestVerifier {

    static final String TIMESTAMP_HEADER = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;
    static final String SIGNATURE_HEADER = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;

    private final SlackSignature.Generator generator;
    private final byte[] secret;
    private final long windowSeconds;
    private final Clock clock;

    @Inject
    SlackRequestVerifier(SlackConfiguration configuration) {
        this(configuration.signingSecret(), configuration.timestampWindow(), Clock.systemUTC());
    }

    SlackRequestVerifier(String signingSecret, Duration window, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.windowSeconds = window.toSeconds();
        this.clock = clock;
    }

    /** Returns normally when the request is Slack's, else throws {@link SlackSignatureException}. */
    void verify(@Nullable String timestamp, @Nullable String signature, byte[] rawBody) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            throw new SlackSignatureException("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new SlackSignatureException("malformed " + TIMESTAMP_HEADER + " header");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > windowSeconds) {
            throw new SlackSignatureException("stale request: timestamp outside the " + windowSeconds + " s window");
        }
        String expected = expectedSignature(timestamp.trim(), rawBody);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new SlackSignatureException("signature mismatch");
        }
    }

    private String expectedSignature(String timestamp, byte[] rawBody) {
        Charset platform = Charset.defaultCharset();
        String body = new String(rawBody, platform);
        if (Arrays.equals(body.getBytes(platform), rawBody)) {
            String generated = generator.generate(timestamp, body);
            if (generated != null) {
                return generated;
            }
        }
        return hmacOverRawBytes(timestamp, rawBody);
    }

    private String hmacOverRawBytes(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(SlackSignature.ALGORITHM);
            mac.init(new SecretKeySpec(secret, SlackSignature.ALGORITHM));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
