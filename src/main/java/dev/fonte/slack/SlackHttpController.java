package dev.fonte.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Slack's HTTP requests (HTTP events mode): the Events API at {@code /slack/events}, slash commands at
 * {@code /slack/commands}, both handed to the Bolt app after the signature is checked over the raw bytes. Only
 * Slack's {@code ssl_check} (sent unsigned) skips the check, as in Slack's own SDKs. A refused signature is 401
 * problem+json, counted ({@code fonte_slack_signature_failures_total}) and logged at most once per
 * {@code fonte.slack.log-interval}, without the secret or the signature.
 */
@Hidden
@Controller(SlackFactory.APP_PATH)
@Requires(condition = SlackModeCondition.HttpEvents.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackHttpController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpController.class);

    private final BoltAdapter bolt;
    private final SlackRequestVerifier verifier;
    private final MeterRegistry meters;
    private final RepeatedWarning refused;

    SlackHttpController(BoltAdapter bolt, SlackRequestVerifier verifier, MeterRegistry meters,
                        SlackConfiguration configuration) {
        this.bolt = bolt;
        this.verifier = verifier;
        this.meters = meters;
        this.refused = new RepeatedWarning(LOG, configuration.logInterval(), Clock.systemUTC());
    }

    @Post(uri = "/events", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> events(HttpRequest<?> request, @Body byte[] rawBody) throws Exception {
        return run(request, rawBody);
    }

    @Post(uri = "/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> commands(HttpRequest<?> request, @Body byte[] rawBody) throws Exception {
        return run(request, rawBody);
    }

    private HttpResponse<String> run(HttpRequest<?> request, byte[] rawBody) throws Exception {
        BoltAdapter.Parsed parsed = bolt.parse(request, new String(rawBody, StandardCharsets.UTF_8),
                request.getPath());
        Request<?> slack = parsed.request();
        if (slack == null || slack.getRequestType() != RequestType.SSLCheck) {
            verify(request, rawBody);
        }
        if (parsed.malformed()) {
            throw new SlackRequestException("not a well-formed Slack event or command");
        }
        if (slack == null) {
            // Slack's own, of a kind this app does not handle (app_rate_limited): acknowledged, so it is not retried
            LOG.debug("Slack request to {} of no known kind acknowledged", request.getPath());
            return HttpResponse.ok();
        }
        return bolt.run(slack);
    }

    private void verify(HttpRequest<?> request, byte[] rawBody) {
        try {
            verifier.verify(request.getHeaders().get(SlackRequestVerifier.TIMESTAMP_HEADER),
                    request.getHeaders().get(SlackRequestVerifier.SIGNATURE_HEADER), rawBody);
        } catch (SlackSignatureException e) {
            meters.counter("fonte.slack.signature.failures").increment();
            refused.warn("Slack request to {} from {} refused: {}. If Slack's own requests are refused, "
                            + "SLACK_SIGNING_SECRET is not this app's Signing Secret (Slack: Basic Information, App "
                            + "Credentials)", request.getPath(), request.getRemoteAddress().getAddress(),
                    e.getMessage());
            throw e;
        }
    }
}
