package dev.fonte.answer.provider;

import io.micronaut.core.annotation.Nullable;
import org.slf4j.MDC;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The logging context of the request being answered (its id, in the MDC where {@code RequestIdFilter} puts it, and
 * which the log format prints), carried by hand to the threads where a provider's answer arrives: the MDC stays
 * behind on the thread that started the work.
 */
public final class RequestLog {

    private RequestLog() {
    }

    /** The calling thread's logging context, to be carried; null when it has none. */
    @Nullable
    public static Map<String, String> capture() {
        return MDC.getCopyOfContextMap();
    }

    /** Runs {@code work} with a captured logging context in place, and puts the thread's own back after. */
    public static <T> T within(@Nullable Map<String, String> context, Supplier<T> work) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.setContextMap(context == null ? Map.of() : context);
        try {
            return work.get();
        } finally {
            MDC.setContextMap(previous == null ? Map.of() : previous);
        }
    }

    /** {@link #within(Map, Supplier)} for work with no result. */
    public static void within(@Nullable Map<String, String> context, Runnable work) {
        within(context, () -> {
            work.run();
            return null;
        });
    }
}
