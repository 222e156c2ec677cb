package dev.fonte.answer.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** Why a provider call did not produce a usable answer: the {@code reason} tag of the failure metrics. */
public enum FailureReason {
    TIMEOUT("timed out"),
    STALLED("stalled mid-stream"),
    STREAM_CUT("cut its stream short"),
    CLIENT_ERROR("refused the request (HTTP 4xx)"),
    SERVER_ERROR("failed (HTTP 5xx)"),
    MALFORMED("sent a malformed response"),
    EMPTY("sent an empty answer"),
    UNREACHABLE("is unreachable"),
    CIRCUIT_OPEN("is skipped after repeated failures"),
    ERROR("failed");

    private final String phrase;

    FailureReason(String phrase) {
        this.phrase = phrase;
    }

    /** The metric tag value, e.g. {@code http_5xx}. */
    public String tag() {
        return switch (this) {
            case CLIENT_ERROR -> "http_4xx";
            case SERVER_ERROR -> "http_5xx";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads as the end of "openai ...", e.g. "timed out". */
    public String phrase() {
        return phrase;
    }

    /** Classifies what a LangChain4j client threw (walking the cause chain: the clients wrap what they catch). */
    public static FailureReason of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode() >= 500 ? SERVER_ERROR : CLIENT_ERROR;
            }
            if (t instanceof InternalServerException) {
                return SERVER_ERROR;
            }
            if (t instanceof InvalidRequestException || t instanceof AuthenticationException
                    || t instanceof RateLimitException || t instanceof ModelNotFoundException) {
                return CLIENT_ERROR;
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof JsonProcessingException) {
                return MALFORMED;
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return UNREACHABLE;
            }
        }
        return ERROR;
    }
}
