package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes the first Slack request after a start as fast as any other: what it would load and initialise (Bolt's
 * parser and middleware, Gson, the signature's HMAC, Block Kit rendering and its JSON) is run once, in this process,
 * on a synthetic {@code url_verification} and a canned answer, which change nothing; then, off the start's path,
 * one real call to Slack warms the HTTP client (TLS, connection pool) and learns the workspace of
 * {@code SLACK_BOT_TOKEN} ({@code auth.test}; {@code api.test} without that token).
 */
@Singleton
class SlackWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWarmUp.class);
    private static final String CHALLENGE = "fonte-warm-up";

    private final App app;
    private final Slack slack;
    private final SlackWorkspaces workspaces;
    private final SlackConfiguration configuration;
    private final JsonMapper json;

    SlackWarmUp(App app, Slack slack, SlackWorkspaces workspaces, SlackConfiguration configuration, JsonMapper json) {
        this.app = app;
        this.slack = slack;
        this.workspaces = workspaces;
        this.configuration = configuration;
        this.json = json;
    }

    void run(SlackMode mode) {
        try {
            inProcess(mode);
        } catch (Exception e) {
            // only speed is at stake: the request path itself reports its own failures
            LOG.warn("Slack warm-up in process failed: {}", e.toString());
        }
        Thread network = new Thread(this::network, "slack-warm-up");
        network.setDaemon(true);
        network.start();
    }

    private void inProcess(SlackMode mode) throws Exception {
        String body = "{\"token\":\"-\",\"challenge\":\"" + CHALLENGE + "\",\"type\":\"url_verification\"}";
        SlackRequestParser.HttpRequest.HttpRequestBuilder raw = SlackRequestParser.HttpRequest.builder()
                .requestUri(SlackFactory.APP_PATH + "/events").requestBody(body)
                .queryString(Map.of()).socketMode(mode == SlackMode.SOCKET_MODE);
        if (mode == SlackMode.HTTP_EVENTS) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String signature = new SlackSignature.Generator(configuration.signingSecret()).generate(timestamp, body);
            new SlackRequestVerifier(configuration).verify(timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
            raw.headers(new RequestHeaders(Map.of(SlackRequestVerifier.TIMESTAMP_HEADER, List.of(timestamp),
                    SlackRequestVerifier.SIGNATURE_HEADER, List.of(signature))));
        } else {
            raw.headers(new RequestHeaders(Map.of()));
        }
        Request<?> request = new SlackRequestParser(app.config()).parse(raw.build());
        Response response = app.run(request);
        if (!CHALLENGE.equals(response.getBody())) {
            LOG.warn("Slack warm-up: the Bolt app answered {} {}", response.getStatusCode(), response.getBody());
        }
        Answer canned = new Answer("warm-up", "Warm [1].", true, "en", List.of(new Citation(1, "warm-up:0-4",
                "warm-up", "Warm", "Warm", 0, 4, 1.0, null)), "extractive");
        json.writeValueAsString(SlackBlocks.renderAsked(canned, "U0", "?"));
    }

    private void network() {
        try {
            if (configuration.botToken() != null) {
                workspaces.ownTeam();
            } else {
                slack.methods().apiTest(request -> request);
            }
        } catch (IOException | com.slack.api.methods.SlackApiException | RuntimeException e) {
            LOG.warn("Slack could not be reached while starting ({}): the first reply will make the connection",
                    e.toString());
        }
    }
}
