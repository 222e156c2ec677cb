package dev.fonte.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * The edge's own rules, around every request: an over-long request target is a 414 before routing, and an error
 * answered without a body by the framework (the CORS filter's 403 is one) gets its problem+json body like every
 * other error. Runs right after {@link RequestIdFilter}, so those answers carry the request id too.
 */
@ServerFilter("/**")
public class EdgeFilter implements Ordered {

    private final HttpConfiguration config;
    private final ErrorResponseProcessor<?> problems;

    public EdgeFilter(HttpConfiguration config, ErrorResponseProcessor<?> problems) {
        this.config = config;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> uriLength(HttpRequest<?> request) {
        int length = request.getUri().toString().length();
        if (length <= config.maxUriLength()) {
            return null;
        }
        return ProblemHandlers.render(problems, request, HttpStatus.REQUEST_URI_TOO_LONG,
                "the request target is " + length + " characters long; at most " + config.maxUriLength()
                        + " are served");
    }

    @ResponseFilter
    public MutableHttpResponse<?> problemBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() < 400 || response.getBody().isPresent()) {
            return response;
        }
        boolean cors = response.getStatus() == HttpStatus.FORBIDDEN
                && request.getHeaders().contains(HttpHeaders.ORIGIN);
        String detail = cors
                ? "requests from this origin are not allowed (CORS): the server's allowed origins do not include it"
                : response.getStatus().getReason();
        // the same response, so the headers another filter set on it stay
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(), response);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
