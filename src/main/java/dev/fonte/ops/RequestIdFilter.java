package dev.fonte.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code X-Request-Id}: the client's own when it sent a sane one (so a bot can correlate its
 * logs with ours), else a new one.
 */
@ServerFilter("/**")
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getHeaders().get(HEADER);
        response.header(HEADER, id != null && SANE.matcher(id).matches() ? id : UUID.randomUUID().toString());
    }
}
