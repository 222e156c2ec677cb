package dev.fonte.eval.target;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;

import java.net.URI;
import java.time.Duration;

/** Opens the target a run evaluates; tests pass their own. */
@FunctionalInterface
public interface TargetFactory {

    /** @param url a running server, or null for the in-process application */
    Target open(@Nullable URI url, Duration timeout) throws TargetException;

    /** A server by URL, else the application started in this JVM. */
    static TargetFactory standard(ObjectMapper json) {
        return (url, timeout) -> url != null ? new HttpTarget(url, timeout, json) : InProcessTarget.start(timeout);
    }
}
