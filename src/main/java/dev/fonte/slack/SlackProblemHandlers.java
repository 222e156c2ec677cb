package dev.fonte.slack;

import dev.fonte.http.ProblemHandlers;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** The Slack app's exceptions as {@code application/problem+json}, mapped once here; no work was done for them. */
@Factory
class SlackProblemHandlers {

    @Singleton
    ExceptionHandler<SlackSignatureException, HttpResponse<?>> unsigned(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, e, HttpStatus.UNAUTHORIZED);
    }

    @Singleton
    ExceptionHandler<SlackInstallException, HttpResponse<?>> install(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, e, HttpStatus.BAD_REQUEST);
    }

    @Singleton
    ExceptionHandler<SlackUnavailableException, HttpResponse<?>> unavailable(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, e, HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5");
    }
}
