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

    /** A server by URL, else the application started in this JVM. */
    static TargetFactory standard(ObjectMapper json) {
        return (url, timeout, corpora) -> url != null
                ? new HttpTarget(url, timeout, json) : InProcessTarget.start(timeout, corpora);
    }
}
