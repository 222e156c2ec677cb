package dev.fonte.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the client's own {@code X-Request-Id} when it sent a sane one (so a bot can correlate its
 * logs with ours), else a new one. It is in the logging MDC ({@code requestId}) for everything done for the request,
 * on whatever thread, and echoed in the response's {@code X-Request-Id}. This filter runs first and its response
 * side last, so every answer carries the id, a refusal of another filter (CORS, the API guard) included.
 */
@ServerFilter("/**")
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @RequestFilter
    public void assign(MutableHttpRequest<?> request, MutablePropagatedContext context) {
        String id = request.getHeaders().get(HEADER);
        String requestId = id != null && SANE.matcher(id).matches() ? id : UUID.randomUUID().toString();
        request.setAttribute(MDC_KEY, requestId);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, requestId)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(HEADER, requestId(request));
    }

    /** The id of a request that went through this filter (a new one for any other). */
    public static String requestId(HttpRequest<?> request) {
        return request.getAttribute(MDC_KEY, String.class).orElseGet(() -> UUID.randomUUID().toString());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
