package dev.fonte.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** Micronaut's requests as Bolt's and back: what Bolt's own Micronaut adapter does, for Micronaut 4. */
@Singleton
class BoltAdapter {

    private final App app;
    private final SlackRequestParser parser;
    private final JsonMapper json;

    BoltAdapter(App app, JsonMapper json) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.json = json;
    }

    /**
     * What Bolt made of a request: {@code request} null when the body is of no kind Bolt knows (Slack's
     * {@code app_rate_limited}, a form of something else), {@code malformed} when it is not even well-formed.
     */
    record Parsed(Request<?> request, boolean malformed) {
    }

    Parsed parse(HttpRequest<?> request, String body, String requestUri) {
        InetSocketAddress remote = request.getRemoteAddress();
        SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(requestUri)
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(body)
                .remoteAddress(remote == null || remote.getAddress() == null ? null
                        : remote.getAddress().getHostAddress())
                .build();
        try {
            Request<?> parsed = parser.parse(raw);
            return new Parsed(parsed, parsed == null && !wellFormed(request, body));
        } catch (RuntimeException e) {
            // malformed JSON, or JSON without the fields its type needs
            return new Parsed(null, true);
        }
    }

    /** A form, or a JSON object: Bolt gives up on anything else without saying so. */
    private boolean wellFormed(HttpRequest<?> request, String body) {
        if (request.getContentType().filter(MediaType.APPLICATION_JSON_TYPE::matches).isEmpty()) {
            return true;
        }
        try {
            return json.readValue(body, JsonNode.class).isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    HttpResponse<String> run(Request<?> request) throws Exception {
        Response response = app.run(request);
        MutableHttpResponse<String> http = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            header.getValue().forEach(value -> http.header(header.getKey(), value));
        }
        if (response.getBody() != null) {
            http.body(response.getBody());
            http.contentType(response.getContentType());
        }
        return http;
    }

    String installUri() {
        return app.config().getOauthInstallRequestURI();
    }

    String callbackUri() {
        return app.config().getOauthRedirectUriRequestURI();
    }
}
