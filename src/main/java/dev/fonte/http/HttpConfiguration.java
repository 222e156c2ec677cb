package dev.fonte.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Limits of the HTTP edge, beside Micronaut's own ({@code micronaut.server.*}: body size, idle timeout).
 *
 * @param maxUriLength       the longest request target (path and query) served; longer is a 414. Netty reads request
 *                           lines up to {@code micronaut.server.netty.max-initial-line-length}, which must be larger
 * @param requestReadTimeout how long a client may take to send a whole request (its head and its body) once it has
 *                           started; a slower one gets a 408 and its connection is closed (slowloris). Between
 *                           requests an idle connection is bounded by {@code micronaut.server.idle-timeout}
 */
@ConfigurationProperties(HttpConfiguration.PREFIX)
@Context // validated at start-up: a bad value stops the server, not a request
public record HttpConfiguration(
        @Min(64) @Max(65_536) @Bindable(defaultValue = "2048") int maxUriLength,
        @NotNull @Bindable(defaultValue = "10s") Duration requestReadTimeout) {

    public static final String PREFIX = "fonte.http";

    public HttpConfiguration {
        if (requestReadTimeout != null && (requestReadTimeout.isNegative() || requestReadTimeout.isZero())) {
            throw new IllegalArgumentException(PREFIX + ".request-read-timeout must be positive, was "
                    + requestReadTimeout);
        }
    }
}
