package dev.fonte.slack;

import com.google.gson.JsonObject;
import dev.fonte.answer.Question;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static dev.fonte.slack.SlackWire.SECRET;
import static dev.fonte.slack.SlackWire.command;
import static dev.fonte.slack.SlackWire.mention;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket Mode ({@code SLACK_APP_TOKEN}): Fonte asks Slack for a WebSocket URL ({@code apps.connections.open}),
 * connects, acknowledges each envelope on the socket and answers as in HTTP mode; no Slack request URL exists, and a
 * dropped connection is replaced by a new one.
 */
@MicronautTest
class SlackSocketModeTest extends SlackEndToEndTest {

    static final String APP_TOKEN = "xapp-1-A0FONTE-1234567890123-abcdef0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
    static final String POST = "/api/chat.postMessage";

    SlackSocketModeTest() {
        slack.workspace("T1", BOT_TOKEN);
    }

    @Override
    protected Map<String, String> slackProperties() {
        return Map.of(
                "fonte.slack.app-token", APP_TOKEN,
                "fonte.slack.bot-token", BOT_TOKEN,
                "fonte.slack.workers", "1");
    }

    @BeforeAll
    void connected() throws InterruptedException {
        slack.awaitSessions(1);
    }

    @Test
    void the_connection_was_opened_with_the_app_token() {
        assertThat(slack.sessionsOpened()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_mention_over_the_socket_is_acknowledged_there_and_answered_in_its_thread() throws Exception {
        String ts = "1700000101.000100";

        String envelope = slack.sendEnvelope("events_api", mention("T1", "Ev" + UUID.randomUUID(),
                "<@U0APP> How much will Meta spend on AI?", ts, null, null));

        assertThat(slack.awaitAck(envelope).has("payload")).isFalse();
        FakeSlack.Call posted = slack.await(call -> call.path().equals(POST));
        assertThat(posted.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(posted.form()).containsEntry("channel", "C1").containsEntry("thread_ts", ts);
        assertThat(answers.questions()).containsExactly(
                new Question("How much will Meta spend on AI?", "slack:T1:C1:" + ts));
    }

    @Test
    void a_command_over_the_socket_is_acknowledged_with_looking_it_up_and_answered_on_its_response_url()
            throws Exception {
        String responseUrl = slack.responseUrl("socket/" + UUID.randomUUID());

        String envelope = slack.sendEnvelope("slash_commands",
                SlackWire.json(command("T1", "How much will Meta spend on AI?", responseUrl)));

        JsonObject ack = slack.awaitAck(envelope);
        assertThat(ack.getAsJsonObject("payload").get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("Looking it up");
        FakeSlack.Call posted = slack.await(call -> call.path().startsWith("/response/socket/"));
        Map<String, Object> message = json.readValue(posted.body(), Map.class);
        assertThat(message).containsEntry("response_type", "in_channel");
        assertThat(message.get("text").toString()).contains("How much will Meta spend on AI?");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("How much will Meta spend on AI?");
    }

    @Test
    void a_retried_envelope_of_one_event_is_answered_once() throws Exception {
        String eventId = "Ev" + UUID.randomUUID();
        String payload = mention("T1", eventId, "<@U0APP> once", "1700000102.000100", null, null);

        String first = slack.sendEnvelope("events_api", payload);
        String retry = slack.sendEnvelope("events_api", payload);

        slack.awaitAck(first);
        slack.awaitAck(retry);
        String sentinel = slack.sendEnvelope("events_api", mention("T1", "Ev" + UUID.randomUUID(),
                "<@U0APP> sentinel", "1700000103.000100", null, null));
        slack.awaitAck(sentinel);
        slack.await(call -> "1700000103.000100".equals(call.form().get("thread_ts")));
        assertThat(answers.questions()).extracting(Question::text).containsExactly("once", "sentinel");
    }

    @Test
    void after_the_connection_drops_a_new_one_is_opened_and_answers_again() throws Exception {
        // given
        int before = slack.sessionsOpened();

        // when: the network drops the session without a closing handshake
        slack.dropSessions();

        // then: the SDK's session monitor opens a new one (a new URL from apps.connections.open) and it works
        slack.awaitSessions(before + 1);
        assertThat(slack.calls("/api/apps.connections.open")).isNotEmpty();
        String ts = "1700000104.000100";
        String envelope = slack.sendEnvelope("events_api", mention("T1", "Ev" + UUID.randomUUID(),
                "<@U0APP> still there?", ts, null, null));
        slack.awaitAck(envelope);
        slack.await(call -> ts.equals(call.form().get("thread_ts")));
    }

    @Test
    void no_slack_request_url_exists_in_socket_mode() throws Exception {
        HttpResponse<String> events = new SlackWire(server.getURI(), SECRET).event(mention("T1", "Ev1", "<@U0APP> x",
                "1700000105.000100", null, null));

        assertThat(events.statusCode()).isEqualTo(404);
    }
}
