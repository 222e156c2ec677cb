package dev.fonte.ops;

import dev.fonte.http.ApiErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Admin operations, behind the admin key ({@code Authorization: Bearer <FONTE_ADMIN_KEY>}, checked by
 * {@link ApiGuardFilter}); off without one.
 */
@Controller("/api/admin")
@Requires(property = OpsConfiguration.PREFIX + ".admin-key", pattern = ".+")
@Tag(name = "admin")
public class AdminController {

    private final Reindexer reindexer;

    public AdminController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @Operation(summary = "Rebuild the index from the corpus folder in the background; the old one serves meanwhile")
    @ApiResponse(responseCode = "202", description = "the rebuild started, or one was already running")
    @ApiErrors.Admin
    @Post("/reindex")
    public HttpResponse<Started> reindex() {
        boolean started = reindexer.start();
        return HttpResponse.accepted().body(new Started(started ? "started" : "already running", reindexer.status()));
    }

    @Operation(summary = "What the served index holds and how the last rebuild went")
    @ApiResponse(responseCode = "200", description = "documents and sentences served, when built, the last error")
    @ApiErrors.Admin
    @Get("/index")
    public Reindexer.Status index() {
        return reindexer.status();
    }

    /** The answer to a re-index request. */
    @Serdeable
    public record Started(String status, Reindexer.Status index) {
    }
}
