package dev.fonte.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders every error, the framework's (unknown route, malformed JSON, wrong content type, body too large) and ours,
 * as RFC 9457 {@code application/problem+json}. A server error never shows its cause to the client; it is logged.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    /** Micronaut's wording around a body that does not bind; the cause after it is what the client needs. */
    private static final java.util.regex.Pattern CONVERSION_PREFIX =
            java.util.regex.Pattern.compile("^Failed to convert argument \\[\\w+] for value \\[[^]]*] due to: ");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                     MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail;
        if (status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE) {
            context.getRootCause().ifPresent(e -> LOG.error("Unhandled error on {} {}", context.getRequest().getMethod(),
                    context.getRequest().getPath(), e));
            detail = "An unexpected error occurred. It has been logged.";
        } else if (context.hasErrors()) {
            // first lines only: parser messages go on with source excerpts the client does not need
            detail = context.getErrors().stream().map(e -> CONVERSION_PREFIX.matcher(
                            e.getMessage().lines().findFirst().orElse("").strip()).replaceFirst(""))
                    .distinct().collect(Collectors.joining("; "));
        } else {
            detail = status.getReason();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        problem.put("instance", context.getRequest().getPath());
        return response.body(problem).contentType(PROBLEM_JSON);
    }
}
