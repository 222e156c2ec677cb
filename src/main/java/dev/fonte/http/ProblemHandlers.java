package dev.fonte.http;

import dev.fonte.answer.BusyException;
import dev.fonte.retrieval.IndexNotReadyException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Maps Fonte's named exceptions to their HTTP status, headers and client-facing detail, once, at the edge. The same
 * table serves an exception thrown by a controller or a filter (through these handlers) and one that ends a streamed
 * response before its first event (which the framework hands to {@link ProblemErrorResponseProcessor} as a 500).
 */
@Factory
public class ProblemHandlers {

    /** Seconds a client should wait before asking again while the index is being built. */
    static final String INDEX_RETRY_AFTER = "2";

    /** How a named exception is answered. */
    record Mapping(HttpStatus status, String detail, Map<String, String> headers) {
    }

    /** The answer to {@code e}, when it is one of Fonte's named exceptions. */
    static Optional<Mapping> mapping(Throwable e) {
        if (e instanceof NotFoundException) {
            return Optional.of(new Mapping(HttpStatus.NOT_FOUND, e.getMessage(), Map.of()));
        } else if (e instanceof UnauthorizedException u) {
            return Optional.of(new Mapping(HttpStatus.UNAUTHORIZED, e.getMessage(),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + u.realm() + "\"")));
        } else if (e instanceof TooManyRequestsException t) {
            return Optional.of(new Mapping(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(),
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds()))));
        } else if (e instanceof BusyException) {
            return Optional.of(new Mapping(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(),
                    Map.of(HttpHeaders.RETRY_AFTER, "1")));
        } else if (e instanceof IndexNotReadyException) {
            // the reason stays in the server's log (it may name server paths); the client learns when to come back
            return Optional.of(new Mapping(HttpStatus.SERVICE_UNAVAILABLE,
                    "the document index is not ready yet; try again in a few seconds",
                    Map.of(HttpHeaders.RETRY_AFTER, INDEX_RETRY_AFTER)));
        }
        return Optional.empty();
    }

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<?>> notFound(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e);
    }

    @Singleton
    ExceptionHandler<UnauthorizedException, HttpResponse<?>> unauthorized(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e);
    }

    @Singleton
    ExceptionHandler<TooManyRequestsException, HttpResponse<?>> tooMany(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e);
    }

    @Singleton
    ExceptionHandler<BusyException, HttpResponse<?>> busy(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e);
    }

    @Singleton
    ExceptionHandler<IndexNotReadyException, HttpResponse<?>> notReady(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e);
    }

    private static MutableHttpResponse<?> render(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                                 RuntimeException e) {
        Mapping mapping = mapping(e).orElseThrow();
        MutableHttpResponse<?> response = render(problems, request, mapping.status(), mapping.detail());
        mapping.headers().forEach(response::header);
        return response;
    }

    /** A problem+json response with this status and client-facing detail. */
    public static MutableHttpResponse<?> render(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                                HttpStatus status, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}
