package dev.fonte.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The API's doors, one rule behind each ({@link AccessPolicy}): the chat, citation and document endpoints, and the
 * admin endpoints when they exist. A refusal is a problem+json 401 (with {@code WWW-Authenticate}) or 429 (with
 * {@code Retry-After}); nothing reaches a controller. CORS preflights are answered by the CORS filter before this.
 */
@ServerFilter({"/api/chat", "/api/chat/**", "/api/citations/**", "/api/documents", "/api/documents/**",
        "/api/admin/**"})
public class ApiGuardFilter {

    private final AccessPolicy policy;

    public ApiGuardFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @RequestFilter
    public void guard(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return;
        }
        if (request.getPath().startsWith("/api/admin/")) {
            policy.admitAdmin(request);
        } else {
            policy.admit(request);
        }
    }
}
