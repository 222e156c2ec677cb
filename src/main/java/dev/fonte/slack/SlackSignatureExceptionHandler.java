package dev.fonte.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Maps an unverified Slack request to 401 {@code application/problem+json}; no work has been done for it. */
@Singleton
@Requires(beans = SlackConfiguration.class)
class SlackSignatureExceptionHandler implements ExceptionHandler<SlackSignatureException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> problems;

    SlackSignatureExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SlackSignatureException exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage(exception.getMessage()).build(), HttpResponse.status(HttpStatus.UNAUTHORIZED));
    }
}
