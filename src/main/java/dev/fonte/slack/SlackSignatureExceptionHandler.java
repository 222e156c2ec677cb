package dev.fonte.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps an unverified Slack request to 401 {@code application/problem+json}; no work has been done for it. */
@Singleton
@Produces("application/problem+json")
@Requires(beans = SlackConfiguration.class)
@Requires(classes = {SlackSignatureException.class, ExceptionHandler.class})
class SlackSignatureExceptionHandler implements ExceptionHandler<SlackSignatureException, HttpResponse<SlackProblem>> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public HttpResponse<SlackProblem> handle(HttpRequest request, SlackSignatureException exception) {
        return HttpResponse.<SlackProblem>status(HttpStatus.UNAUTHORIZED)
                .contentType(PROBLEM_JSON)
                .body(new SlackProblem("about:blank", "Unauthorized", 401, exception.getMessage()));
    }
}
