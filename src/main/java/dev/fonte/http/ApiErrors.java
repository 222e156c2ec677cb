package dev.fonte.http;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The errors of the API's endpoints, each written once for the OpenAPI spec and put on the operations that can
 * answer it. Every one is {@code application/problem+json} ({@link Problem}); OpenApiContractTest provokes each
 * documented status of each operation from the running server.
 */
public final class ApiErrors {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** The name of the bearer security scheme (declared on {@code dev.fonte.Application}). */
    public static final String BEARER = "bearer";

    private ApiErrors() {
    }

    /** 401 and 429: the access rule (a valid key, or anonymous use within its budgets). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = BEARER)
    @ApiResponse(responseCode = "401", description = "No valid API key while anonymous use is off, or a wrong key",
            headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"fonte\"",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Over a budget: the key's (FONTE_RATE_*), the client address's "
            + "or all anonymous traffic's (FONTE_ANONYMOUS_*); wrong keys draw on the address's",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Guarded {
    }

    /** 401 and 429 of the admin endpoints. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = BEARER)
    @ApiResponse(responseCode = "401", description = "Not the admin key (FONTE_ADMIN_KEY)",
            headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"fonte-admin\"",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed attempts from this address",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Admin {
    }

    /** 400, 413 and 415: a question body that cannot be read or does not fit. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a field of the wrong JSON type, an unknown "
            + "field, a blank question or one over 2000 characters after trimming, control characters, a bad "
            + "conversationId or format",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "A body over 64 KiB (micronaut.server.max-request-size)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "A Content-Type other than application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadBody {
    }

    /** 503: the index is not built yet, or every answer slot is taken. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "503", description = "The document index is not ready yet, or too many answers are "
            + "being computed (FONTE_MAX_IN_FLIGHT)",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotReady {
    }

    /** 404 and 414: an id that names nothing, or a request target over the length served. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "The id names nothing (or a span outside its document)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "414",
            description = "A request target over 2048 characters (fonte.http.max-uri-length)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface ById {
    }
}
