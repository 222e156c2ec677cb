package dev.fonte.slack;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Slack app's settings at start: which mode the set secrets turn on, said in one line; trimmed secrets; and a
 * setting that cannot work stopping the start with one line naming the variable, not a 500 at the first request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackConfigurationTest {

    static final String BOT_TOKEN = "xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
    static final String APP_TOKEN = "xapp-1-A0FONTE-1234567890123-abcdef0123456789";

    private final FakeSlack slack = FakeSlack.startLocally().workspace("T1", BOT_TOKEN);

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void without_any_slack_variable_slack_is_off_says_so_and_exposes_no_endpoint() {
        try (CapturedLogs logs = new CapturedLogs(SlackStartup.class);
             ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertThat(context.getBean(SlackStartup.class).mode()).isEqualTo(SlackMode.OFF);
            assertThat(context.containsBean(SlackHttpController.class)).isFalse();
            assertThat(context.containsBean(SlackInstallController.class)).isFalse();
            assertThat(logs.lines()).containsExactly("INFO Slack: off (no SLACK_* variable is set)");
        }
    }

    @Test
    void a_signing_secret_read_with_its_newline_is_trimmed_and_turns_http_events_on() {
        try (CapturedLogs logs = new CapturedLogs(SlackStartup.class);
             ApplicationContext context = run(Map.of("fonte.slack.signing-secret", "  s3cr3t\n",
                     "fonte.slack.bot-token", BOT_TOKEN + "\r\n"))) {
            SlackConfiguration configuration = context.getBean(SlackConfiguration.class);
            assertThat(configuration.signingSecret()).isEqualTo("s3cr3t");
            assertThat(configuration.botToken()).isEqualTo(BOT_TOKEN);
            assertThat(context.getBean(SlackStartup.class).mode()).isEqualTo(SlackMode.HTTP_EVENTS);
            assertThat(context.containsBean(SlackHttpController.class)).isTrue();
            assertThat(logs.lines()).first().isEqualTo("INFO Slack: HTTP events (SLACK_SIGNING_SECRET is set; "
                    + "answers in the workspace of SLACK_BOT_TOKEN)");
        }
    }

    @Test
    void an_app_token_turns_socket_mode_on_and_the_http_endpoints_off() {
        try (CapturedLogs logs = new CapturedLogs(SlackStartup.class);
             ApplicationContext context = run(Map.of("fonte.slack.app-token", APP_TOKEN,
                     "fonte.slack.bot-token", BOT_TOKEN, "fonte.slack.signing-secret", "s3cr3t"))) {
            assertThat(context.getBean(SlackStartup.class).mode()).isEqualTo(SlackMode.SOCKET_MODE);
            assertThat(context.containsBean(SlackHttpController.class)).isFalse();
            assertThat(logs.lines()).first().asString().startsWith("INFO Slack: Socket Mode (SLACK_APP_TOKEN is set")
                    .contains("SLACK_SIGNING_SECRET is not used in Socket Mode");
        }
    }

    @Test
    void a_bot_token_with_no_way_in_leaves_slack_off_and_says_what_is_missing() {
        try (CapturedLogs logs = new CapturedLogs(SlackStartup.class);
             ApplicationContext context = run(Map.of("fonte.slack.bot-token", BOT_TOKEN))) {
            assertThat(context.getBean(SlackStartup.class).mode()).isEqualTo(SlackMode.OFF);
            assertThat(context.containsBean(SlackHttpController.class)).isFalse();
            assertThat(logs.lines()).containsExactly("INFO Slack: off (a token is set but neither SLACK_SIGNING_SECRET "
                    + "(HTTP events) nor SLACK_APP_TOKEN (Socket Mode) is, so Slack has no way in)");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fonte.slack.bot-token | abc                                    | SLACK_BOT_TOKEN must be a bot token, xoxb-
            fonte.slack.bot-token | xapp-1-A0FONTE-1234567890123-abcdef012 | SLACK_BOT_TOKEN must be a bot token, xoxb-
            fonte.slack.app-token | xoxb-1234567890-1234567890123-abcdefgh | SLACK_APP_TOKEN must be an app-level token
            fonte.slack.client-id | 1234.5678                              | SLACK_CLIENT_SECRET go together
            fonte.slack.client-id | my-app                                 | SLACK_CLIENT_ID must be the app's Client ID
            """)
    void a_setting_that_cannot_work_stops_the_start_with_one_line_naming_the_variable(String property, String value,
                                                                                        String expected) {
        Map<String, Object> properties = new HashMap<>(Map.of("fonte.slack.signing-secret", "s3cr3t",
                "fonte.slack.bot-token", BOT_TOKEN));
        properties.put(property, value);
        try (CapturedLogs logs = new CapturedLogs(SlackStartup.class)) {
            assertThatThrownBy(() -> run(properties).close())
                    .hasStackTraceContaining("Slack settings cannot work, so the server does not start: ")
                    .hasStackTraceContaining(expected);
            assertThat(logs.lines()).singleElement().asString().startsWith("ERROR Slack settings cannot work")
                    .contains(expected).doesNotContain(value);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            false | false | false | false | OFF
            true  | false | false | false | OFF
            false | false | true  | false | OFF
            true  | true  | false | false | HTTP_EVENTS
            true  | false | false | true  | HTTP_EVENTS
            false | true  | true  | false | SOCKET_MODE
            true  | false | true  | true  | SOCKET_MODE
            false | true  | false | true  | OFF
            """)
    void the_mode_follows_from_the_secrets_that_are_set(boolean signingSecret, boolean botToken, boolean appToken,
                                                       boolean installs, SlackMode expected) {
        assertThat(SlackMode.of(signingSecret, botToken, appToken, installs).mode()).isEqualTo(expected);
    }

    /** A context with Slack's Web API pointed at the local fake: nothing here may reach the internet. */
    private ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("fonte.slack.api-url", slack.apiUrl());
        return ApplicationContext.run(all);
    }
}
