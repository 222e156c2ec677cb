package dev.fonte.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An error, as RFC 9457 {@code application/problem+json}: every 4xx and 5xx of the API has this body.
 *
 * @param type     always {@code about:blank}: the status says what kind of problem it is
 * @param title    the status's reason phrase
 * @param status   the HTTP status code
 * @param detail   what went wrong and what to change, for the client; never a stack trace or a server path
 * @param instance the request's path; absent when the request could not be read far enough to know it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457 application/problem+json)")
public record Problem(@Schema(example = "about:blank", requiredMode = Schema.RequiredMode.REQUIRED) String type,
                      @Schema(example = "Bad Request", requiredMode = Schema.RequiredMode.REQUIRED) String title,
                      @Schema(example = "400", requiredMode = Schema.RequiredMode.REQUIRED) int status,
                      @Schema(example = "'question' is required and must not be empty",
                              requiredMode = Schema.RequiredMode.REQUIRED) String detail,
                      @Schema(example = "/api/chat", nullable = true) @Nullable String instance) {
}
