package dev.fonte.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders every error, the framework's (unknown route, malformed JSON, wrong content type, body too large) and ours,
 * as RFC 9457 {@code application/problem+json}. The detail is written for the client: what to fix, in the API's own
 * words (field names as they are in the JSON), never a Java class, a parser's internals or a server path. A server
 * error never shows its cause; it is logged with the request's id.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    /** The framework's and the JSON parser's wordings, each with the client's version of it. */
    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite("^Failed to convert argument \\[\\w+] for value \\[[^]]*] due to: ", m -> ""),
            new Rewrite("Error decoding (?:property|stream) \\[[^]]*] of type \\[[^]]*]: ", m -> ""),
            new Rewrite("^Unknown property \\[([^]]*)] encountered during deserialization.*$",
                    m -> "unknown field '" + m.group(1) + "'"),
            new Rewrite("^Unexpected token (\\w+), expected START_OBJECT$",
                    m -> "the body must be a JSON object, not " + jsonKind(m.group(1))),
            new Rewrite("^Required Body \\[\\w+] not specified$",
                    m -> "the request body is required: a JSON object"),
            new Rewrite("^Document nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*$",
                    m -> "the JSON is nested more than " + m.group(1) + " levels deep"),
            new Rewrite("^Invalid JSON: (.*?)(?: at \\[Source.*)?$", m -> "the body is not valid JSON: " + m.group(1)));

    /** What must never reach a client: a qualified Java name, a Java type in brackets, a parser's API in backquotes. */
    private static final Pattern INSIDES = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|\\[class |`[^`]*\\(\\)`|\\bjava\\.|\\bio\\.micronaut");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        Throwable root = context.getRootCause().orElse(null);
        Optional<ProblemHandlers.Mapping> named = root == null ? Optional.empty() : ProblemHandlers.mapping(root);
        if (named.isPresent() && response.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR) {
            // a named exception that ended a streamed response before its first event: answered as it is named
            response.status(named.get().status());
            named.get().headers().forEach(response::header);
            context = ErrorContext.builder(request).errorMessage(named.get().detail()).build();
            root = null;
        }
        HttpStatus status = response.getStatus();
        String detail;
        if (status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE) {
            logUnexpected(request, root);
            detail = "An unexpected error occurred. It has been logged.";
        } else if (root instanceof ConstraintViolationException violations) {
            detail = violations.getConstraintViolations().stream().map(ProblemErrorResponseProcessor::describe)
                    .sorted().distinct().collect(Collectors.joining("; "));
        } else if (root instanceof InvalidBodyException invalid) {
            detail = invalid.getMessage();
        } else if (context.hasErrors()) {
            // first lines only: parser messages go on with source excerpts the client does not need
            detail = context.getErrors().stream()
                    .map(e -> forClient(e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")))
                    .filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
        } else {
            detail = status.getReason();
        }
        if (detail == null || detail.isBlank() || INSIDES.matcher(detail).find()) {
            detail = status.getCode() == 400 ? "the request could not be read: check its JSON against the API"
                    : status.getReason();
        }
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, request.getPath());
        return response.body(problem).contentType(PROBLEM_JSON);
    }

    /** The server error, with the request it broke: the line carries the request id even off the request's thread. */
    private static void logUnexpected(HttpRequest<?> request, Throwable cause) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, RequestIdFilter.requestId(request))) {
            LOG.error("Unhandled error on {} {}", request.getMethod(), request.getPath(), cause);
        }
    }

    /** {@code 'question' is 2199 characters long; at most 2000 are allowed}, or the constraint's own message. */
    private static String describe(ConstraintViolation<?> violation) {
        String field = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .reduce((first, second) -> second).map(Path.Node::getName).orElse("body");
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        if (violation.getInvalidValue() instanceof CharSequence text && max != null
                && violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size) {
            return "'" + field + "' is " + text.length() + " characters long; at most " + max + " are allowed";
        }
        return "'" + field + "' " + violation.getMessage();
    }

    private static String forClient(String message) {
        String text = message.strip();
        for (Rewrite rewrite : REWRITES) {
            text = rewrite.apply(text);
        }
        return text;
    }

    private static String jsonKind(String token) {
        return switch (token) {
            case "START_ARRAY" -> "an array";
            case "VALUE_STRING" -> "a string";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> token.startsWith("VALUE_NUMBER") ? "a number" : "something else";
        };
    }

    private record Rewrite(Pattern pattern, Function<MatchResult, String> replacement) {

        Rewrite(String regex, Function<MatchResult, String> replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
        }
    }
}
