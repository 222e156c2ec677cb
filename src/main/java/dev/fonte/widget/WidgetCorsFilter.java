package dev.fonte.widget;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.resource.StaticResourceResolver;

import java.util.List;

/**
 * Micronaut's CORS filter, narrowed to the endpoints the embedded widget calls. The allowed origins, methods and
 * headers stay in {@code micronaut.server.cors} (application.yml, {@code FONTE_CORS_ORIGINS}); every other path
 * (health, metrics, Slack, the OpenAPI spec) answers cross-origin requests with no CORS headers at all.
 */
@Replaces(CorsFilter.class)
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class WidgetCorsFilter extends CorsFilter {

    /** The widget's API surface: exact paths, and prefixes ending in a slash. */
    static final List<String> PATHS = List.of("/api/chat", "/api/chat/stream", "/api/citations/", "/api/documents",
            "/api/documents/");

    public WidgetCorsFilter(HttpServerConfiguration.CorsConfiguration corsConfiguration,
                            StaticResourceResolver staticResourceResolver, Router router,
                            @Nullable HttpHostResolver httpHostResolver) {
        super(corsConfiguration, staticResourceResolver, router, httpHostResolver);
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return super.isEnabled(request) && isWidgetPath(request.getPath());
    }

    static boolean isWidgetPath(String path) {
        return PATHS.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) && path.length() > p.length()
                : path.equals(p));
    }
}
