package dev.fonte.answer.provider;

import dev.fonte.ops.RequestIdFilter;
import org.slf4j.MDC;

/**
 * The id of the request being answered, for the log lines the answer chain writes: read from the logging MDC where
 * {@link RequestIdFilter} puts it, on the thread that starts the work, and carried by hand to the threads where a
 * provider's answer arrives (the MDC stays behind on the first).
 */
public final class RequestLog {

    private RequestLog() {
    }

    /** The current request's id, or empty outside a request (a test, the evaluation harness). */
    public static String currentId() {
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        return id == null ? "" : id;
    }

    /** {@code "request abc: "} to open a log line about that request, or nothing outside one. */
    public static String prefix(String requestId) {
        return requestId == null || requestId.isEmpty() ? "" : "request " + requestId + ": ";
    }
}
