package dev.fonte.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** Micronaut's requests as Bolt's and back: what Bolt's own Micronaut adapter does, for Micronaut 4. */
@Singleton
class BoltAdapter {

    private final App app;
    private final SlackRequestParser parser;

    BoltAdapter(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    /** The Bolt request, or null when the body is none that Bolt knows (or is not even JSON or a form). */
    Request<?> parse(HttpRequest<?> request, String body, String requestUri) {
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
            return parser.parse(raw);
        } catch (RuntimeException e) {
            // malformed JSON, or JSON without the fields its type needs: the caller answers 400
            return null;
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
