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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps Fonte's named exceptions to their HTTP status and headers, once, at the edge. */
@Factory
public class ProblemHandlers {

    /** Seconds a client should wait before asking again while the index is being built. */
    static final String INDEX_RETRY_AFTER = "2";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<?>> notFound(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @Singleton
    ExceptionHandler<UnauthorizedException, HttpResponse<?>> unauthorized(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, HttpStatus.UNAUTHORIZED, e.getMessage())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + e.realm() + "\"");
    }

    @Singleton
    ExceptionHandler<TooManyRequestsException, HttpResponse<?>> tooMany(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }

    @Singleton
    ExceptionHandler<BusyException, HttpResponse<?>> busy(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, "1");
    }

    /** The reason stays in the server's log (it may name server paths); the client learns when to come back. */
    @Singleton
    ExceptionHandler<IndexNotReadyException, HttpResponse<?>> notReady(ErrorResponseProcessor<?> problems) {
        return (request, e) -> {
            LOG.debug("Refused {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return render(problems, request, HttpStatus.SERVICE_UNAVAILABLE,
                    "the document index is not ready yet; try again in a few seconds")
                    .header(HttpHeaders.RETRY_AFTER, INDEX_RETRY_AFTER);
        };
    }

    /** A problem+json response with this status and client-facing detail. */
    public static MutableHttpResponse<?> render(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                                HttpStatus status, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}
