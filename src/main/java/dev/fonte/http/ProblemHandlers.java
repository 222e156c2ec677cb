package dev.fonte.http;

import dev.fonte.retrieval.IndexNotReadyException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Maps Fonte's domain exceptions to their HTTP status, once, at the edge. */
@Factory
public class ProblemHandlers {

    @Singleton
    ExceptionHandler<BadRequestException, HttpResponse<?>> badRequest(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e, HttpStatus.BAD_REQUEST);
    }

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<?>> notFound(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e, HttpStatus.NOT_FOUND);
    }

    @Singleton
    ExceptionHandler<dev.fonte.answer.BusyException, HttpResponse<?>> busy(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e, HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1");
    }

    @Singleton
    ExceptionHandler<IndexNotReadyException, HttpResponse<?>> notReady(ErrorResponseProcessor<?> problems) {
        return (request, e) -> render(problems, request, e, HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2");
    }

    public static io.micronaut.http.MutableHttpResponse<?> render(ErrorResponseProcessor<?> problems, HttpRequest<?> request,
                                                            Throwable e, HttpStatus status) {
        return problems.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(status));
    }
}
