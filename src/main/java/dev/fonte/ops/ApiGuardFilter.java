package dev.fonte.ops;

import dev.fonte.http.ProblemHandlers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The chat API's door: an API key when keys are configured (the widget on the server's own page, or on an origin
 * allowed by CORS, needs none), then a token bucket per key or per client address. A refusal is a problem+json
 * 401 (with {@code WWW-Authenticate}) or 429 (with {@code Retry-After}); nothing reaches the answer service.
 */
@ServerFilter({"/api/chat", "/api/chat/**"})
public class ApiGuardFilter {

    private final ApiKeys apiKeys;
    private final RateLimiter limiter;
    private final ErrorResponseProcessor<?> problems;
    private final List<String> widgetOrigins;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public ApiGuardFilter(ApiKeys apiKeys, RateLimiter limiter, ErrorResponseProcessor<?> problems,
                          @io.micronaut.context.annotation.Value("${micronaut.server.cors.configurations.widget.allowed-origins:}")
                          List<String> widgetOrigins, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.apiKeys = apiKeys;
        this.limiter = limiter;
        this.problems = problems;
        this.widgetOrigins = widgetOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        Optional<String> key = bearer(request);
        java.util.Set<String> keys = apiKeys.current();
        if (!keys.isEmpty() && !isWidget(request)) {
            if (key.isEmpty()) {
                return unauthorized(request, "an API key is required: Authorization: Bearer <key>");
            }
            if (keys.stream().noneMatch(k -> constantTimeEquals(k, key.get()))) {
                return unauthorized(request, "the API key is not valid");
            }
        }
        String client = key.filter(keys::contains).map(k -> "key:" + k)
                .orElseGet(() -> "ip:" + request.getRemoteAddress().getAddress().getHostAddress());
        OptionalLong wait = limiter.acquire(client);
        if (wait.isPresent()) {
            meters.counter("fonte.ratelimit.rejections").increment();
            return ProblemHandlers.render(problems, request,
                    new IllegalStateException("too many questions: try again in " + wait.getAsLong() + " s"),
                    HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
        }
        return null;
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String message) {
        return ProblemHandlers.render(problems, request, new IllegalStateException(message), HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fonte\"");
    }

    /** Widget traffic: a browser request from the server's own page, or from an origin allowed to embed the widget. */
    private boolean isWidget(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        if (widgetOrigins.contains(origin)) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Optional<String> bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
