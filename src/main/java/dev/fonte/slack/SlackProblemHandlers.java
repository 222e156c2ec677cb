package dev.fonte.slack;

import dev.fonte.http.ProblemHandlers;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
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
        return (request, e) -> ProblemHandlers.render(problems, request, HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @Singleton
    ExceptionHandler<SlackRequestException, HttpResponse<?>> malformed(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @Singleton
    ExceptionHandler<SlackInstallException, HttpResponse<?>> install(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** The cause (which may name hosts or paths) stays in the log; the installer learns to try again. */
    @Singleton
    ExceptionHandler<SlackUnavailableException, HttpResponse<?>> unavailable(ErrorResponseProcessor<?> problems) {
        return (request, e) -> ProblemHandlers.render(problems, request, HttpStatus.SERVICE_UNAVAILABLE,
                "the install could not be completed with Slack; try again in a moment")
                .header(HttpHeaders.RETRY_AFTER, "5");
    }
}
