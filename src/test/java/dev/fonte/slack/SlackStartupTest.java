package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.fonte.slack.SlackWire.SECRET;
import static dev.fonte.slack.SlackWire.mention;
import static dev.fonte.slack.SlackWire.now;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack app is ready when the server is: its SDK client and Bolt app exist, and Slack was called once (which
 * warms the HTTP client and learns the token's workspace), before any request came. Measures nothing: how fast the
 * first reply is, is the benchmark's job (src/docs/BENCHMARK.md).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackStartupTest implements TestPropertyProvider {

    static final String BOT_TOKEN = "xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = FakeSlack.startLocally().workspace("T1", BOT_TOKEN);
    private final CapturedLogs refusals = new CapturedLogs(SlackHttpController.class);

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    private boolean clientBeforeAnyRequest;
    private boolean appBeforeAnyRequest;
    private List<FakeSlack.Call> callsBeforeAnyRequest;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "fonte.slack.signing-secret", SECRET,
                "fonte.slack.bot-token", BOT_TOKEN,
                "fonte.slack.api-url", slack.apiUrl(),
                CannedAnswers.SWITCH, "true");
    }

    /** Runs after the server started and before any test sends anything. */
    @BeforeAll
    void beforeAnyRequest() throws InterruptedException {
        clientBeforeAnyRequest = !context.getActiveBeanRegistrations(Slack.class).isEmpty();
        appBeforeAnyRequest = !context.getActiveBeanRegistrations(App.class).isEmpty();
        slack.await(call -> call.path().equals("/api/auth.test"));
        callsBeforeAnyRequest = slack.calls();
    }

    @AfterAll
    void stop() {
        refusals.close();
        slack.close();
    }

    @Test
    void the_slack_client_and_app_exist_and_slack_was_called_before_the_first_request() {
        assertThat(clientBeforeAnyRequest).isTrue();
        assertThat(appBeforeAnyRequest).isTrue();
        assertThat(callsBeforeAnyRequest).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/api/auth.test");
            assertThat(call.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
        });
    }

    @Test
    void refused_signatures_are_logged_once_per_interval_naming_the_setting_and_no_secret() throws Exception {
        SlackWire wire = new SlackWire(server.getURI(), SECRET);
        String body = mention("T1", "Ev1", "<@U0APP> forged", "1700000201.000100", null, null);
        String forged = new SlackSignature.Generator("not-the-secret").generate(now(), body);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = wire.send("/slack/events", "application/json", body, Map.of(
                    "X-Slack-Request-Timestamp", now(), "X-Slack-Signature", forged));
            assertThat(response.statusCode()).isEqualTo(401);
        }

        assertThat(refusals.lines()).singleElement().asString().startsWith("WARN Slack request to /slack/events")
                .contains("signature mismatch").contains("SLACK_SIGNING_SECRET")
                .doesNotContain(SECRET).doesNotContain(forged);
    }
}
