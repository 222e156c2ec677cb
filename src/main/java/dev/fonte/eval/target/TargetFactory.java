package dev.fonte.eval.target;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Opens the target a run evaluates; tests pass their own. */
@FunctionalInterface
public interface TargetFactory {

    /**
     * @param url     a running server, or null for the in-process application
     * @param corpora for the in-process application: the folders its corpus is assembled from; empty keeps its own
     */
    Target open(@Nullable URI url, Duration timeout, List<Path> corpora) throws TargetException;

    /**
     * @param apiKey the key to send a server as {@code Authorization: Bearer}, or null for none
     */
    default Target open(@Nullable URI url, Duration timeout, List<Path> corpora, @Nullable String apiKey)
            throws TargetException {
        return open(url, timeout, corpora);
    }

    /** A server by URL, else the application started in this JVM. */
    static TargetFactory standard(ObjectMapper json) {
        return new TargetFactory() {
            @Override
            public Target open(@Nullable URI url, Duration timeout, List<Path> corpora) throws TargetException {
                return open(url, timeout, corpora, null);
            }

            @Override
            public Target open(@Nullable URI url, Duration timeout, List<Path> corpora, @Nullable String apiKey)
                    throws TargetException {
                return url != null ? new HttpTarget(url, timeout, apiKey, json)
                        : InProcessTarget.start(timeout, corpora);
            }
        };
    }
}
