package dev.fonte.http;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.propagation.PropagatedContext;
import reactor.core.scheduler.Schedulers;

/**
 * Carries a request's context (its id in the logging MDC) onto Reactor's scheduler threads: a streamed answer is
 * produced on them ({@code subscribeOn}), and its log lines must name the request like every other line does. Each
 * task scheduled while a request's context is current runs with that context.
 */
@Context
public class RequestContextPropagation {

    static final String HOOK = "fonte-request-context";

    public RequestContextPropagation() {
        // keyed: a second application context in the same JVM (tests) replaces the hook instead of adding one
        Schedulers.onScheduleHook(HOOK, PropagatedContext::wrapCurrent);
    }
}
