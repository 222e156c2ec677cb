package dev.fonte.ops;

import dev.fonte.http.ProblemHandlers;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin operations, behind the admin key ({@code Authorization: Bearer <FONTE_ADMIN_KEY>}); off without one. */
@Controller("/api/admin")
@Requires(property = OpsConfiguration.PREFIX + ".admin-key", pattern = ".+")
@Tag(name = "admin")
public class AdminController {

    private final OpsConfiguration config;
    private final Reindexer reindexer;
    private final ErrorResponseProcessor<?> problems;

    public AdminController(OpsConfiguration config, Reindexer reindexer, ErrorResponseProcessor<?> problems) {
        this.config = config;
        this.reindexer = reindexer;
        this.problems = problems;
    }

    @Operation(summary = "Rebuild the index from the corpus folder in the background; the old one serves meanwhile")
    @Post("/reindex")
    public HttpResponse<?> reindex(HttpRequest<?> request) {
        HttpResponse<?> denied = check(request);
        if (denied != null) {
            return denied;
        }
        boolean started = reindexer.start();
        return HttpResponse.accepted().body(new Started(started ? "started" : "already running", reindexer.status()));
    }

    @Operation(summary = "What the served index holds and how the last rebuild went")
    @Get("/index")
    public HttpResponse<?> index(HttpRequest<?> request) {
        HttpResponse<?> denied = check(request);
        return denied != null ? denied : HttpResponse.ok(reindexer.status());
    }

    /** The answer to a re-index request. */
    @io.micronaut.serde.annotation.Serdeable
    public record Started(String status, Reindexer.Status index) {
    }

    private HttpResponse<?> check(HttpRequest<?> request) {
        boolean ok = ApiGuardFilter.bearer(request)
                .filter(key -> ApiGuardFilter.constantTimeEquals(config.adminKey().strip(), key)).isPresent();
        return ok ? null : ProblemHandlers.render(problems, request,
                        new IllegalStateException("the admin key is required: Authorization: Bearer <admin key>"),
                        HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fonte-admin\"");
    }
}
