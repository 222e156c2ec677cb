package dev.fonte.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.fonte.answer.Question;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.fonte.slack.SlackWire.SECRET;
import static dev.fonte.slack.SlackWire.command;
import static dev.fonte.slack.SlackWire.form;
import static dev.fonte.slack.SlackWire.mention;
import static dev.fonte.slack.SlackWire.now;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack app in HTTP events mode, one workspace ({@code SLACK_BOT_TOKEN} of T1), end to end: requests signed with
 * the SDK's {@link SlackSignature.Generator}, a canned answer service, and a local fake of Slack that records what
 * Fonte posts. One worker thread, so "a later event was answered" proves every earlier task has finished.
 */
@MicronautTest
class SlackHttpTest extends SlackEndToEndTest {

    static final String BOT_TOKEN = "xoxb-" + "1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
    static final String POST = "/api/chat.postMessage";

    SlackHttpTest() {
        slack.workspace("T1", BOT_TOKEN);
    }

    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> slackProperties() {
        return Map.of(
                "fonte.slack.signing-secret", SECRET + "\n",
                "fonte.slack.bot-token", BOT_TOKEN,
                "fonte.slack.workers", "1",
                "fonte.slack.post-attempts", "3");
    }

    @Test
    void slash_command_is_acknowledged_before_the_answer_exists_and_answered_in_channel_below_its_question()
            throws Exception {
        // given an answer that takes as long as the test wants
        CountDownLatch release = answers.holdNextAnswer();
        String responseUrl = slack.responseUrl("T1/" + UUID.randomUUID());

        // when
        HttpResponse<String> ack = wire.command(command("T1", "How much will Meta spend on AI?", responseUrl));

        // then: acknowledged, only to the asker, while the answer is still being worked on
        assertThat(ack.statusCode()).isEqualTo(200);
        Map<String, Object> ackBody = json.readValue(ack.body(), Map.class);
        assertThat(ackBody).containsEntry("response_type", "ephemeral");
        assertThat((String) ackBody.get("text")).contains("Looking it up");
        assertThat(slack.calls()).noneMatch(call -> call.path().startsWith("/response/"));

        release.countDown();
        FakeSlack.Call posted = slack.await(call -> call.path().startsWith("/response/"));
        Map<String, Object> message = json.readValue(posted.body(), Map.class);
        assertThat(message).containsEntry("response_type", "in_channel");
        assertThat(message.get("text").toString()).contains("How much will Meta spend on AI?")
                .contains("65 billion [1]");
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) message.get("blocks");
        assertThat(blocks).isEqualTo(SlackBlocks.renderAsked(CannedAnswers.ANSWERED, "U1",
                "How much will Meta spend on AI?"));
        assertThat(blocks.get(0).toString()).contains("<@U1> asked: _How much will Meta spend on AI?_");
        assertThat(blocks.toString()).contains("Sources").contains("[1] _Meta &amp; AI_:");
        assertThat(posted.path()).isEqualTo(URI.create(responseUrl).getPath());
        assertThat(answers.questions()).extracting(Question::text).containsExactly("How much will Meta spend on AI?");
    }

    @Test
    void slash_command_in_italian_is_acknowledged_in_italian() throws Exception {
        HttpResponse<String> ack = wire.command(command("T1", "Quanto spenderà Meta per l'IA?",
                slack.responseUrl("it")));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readValue(ack.body(), Map.class).get("text").toString()).contains("Sto cercando");
        slack.await(call -> call.path().equals("/response/it"));
        assertThat(answers.questions()).extracting(Question::text).containsExactly("Quanto spenderà Meta per l'IA?");
    }

    @Test
    void slash_command_help_explains_usage_without_asking_anything() throws Exception {
        for (String text : List.of("help", "", "aiuto")) {
            HttpResponse<String> response = wire.command(command("T1", text, slack.responseUrl("help")));

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = json.readValue(response.body(), Map.class);
            assertThat(body).containsEntry("response_type", "ephemeral");
            assertThat(body.get("text").toString()).contains("/fonte &lt;question&gt;")
                    .contains("/fonte &lt;domanda&gt;");
        }
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
    }

    @Test
    void url_verification_is_answered_with_the_challenge() throws Exception {
        HttpResponse<String> response = wire.event("{\"token\":\"x\",\"challenge\":"
                + "\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void an_unsigned_ssl_check_is_answered_200_as_slacks_sdks_do_and_nothing_is_done() throws Exception {
        HttpResponse<String> check = wire.send("/slack/commands", "application/x-www-form-urlencoded",
                "ssl_check=1&token=x", Map.of());

        assertThat(check.statusCode()).isEqualTo(200);
        assertNothingDone();
    }

    @Test
    void an_unsigned_command_that_also_says_ssl_check_is_still_refused() throws Exception {
        Map<String, String> fields = command("T1", "sneaky", slack.responseUrl("sneaky"));
        fields.put("ssl_check", "1");

        HttpResponse<String> sneaky = wire.send("/slack/commands", "application/x-www-form-urlencoded", form(fields),
                Map.of());

        assertUnauthorized(sneaky);
        assertNothingDone();
    }

    @Test
    void app_mention_is_answered_in_a_thread_under_it_with_its_workspace_token() throws Exception {
        HttpResponse<String> response = wire.event(mention("T1", UUID.randomUUID().toString(),
                "<@U0APP> How much will Meta spend on AI?", "1700000001.000100", null, null));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call posted = slack.await(call -> call.path().equals(POST));
        assertThat(posted.form()).containsEntry("channel", "C1").containsEntry("thread_ts", "1700000001.000100");
        assertThat(posted.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(json.readValue(posted.form().get("blocks"),
                Argument.listOf(Argument.mapOf(String.class, Object.class))))
                .isEqualTo(SlackBlocks.render(CannedAnswers.ANSWERED));
        assertThat(answers.questions()).containsExactly(
                new Question("How much will Meta spend on AI?", "slack:T1:C1:1700000001.000100"));
    }

    @Test
    void follow_up_in_the_thread_continues_the_same_conversation() throws Exception {
        String root = "1700000002.000100";
        wire.event(mention("T1", UUID.randomUUID().toString(), "<@U0APP> How much will Meta spend?", root, null, null));
        slack.await(call -> root.equals(call.form().get("thread_ts")));

        HttpResponse<String> followUp = wire.event(mention("T1", UUID.randomUUID().toString(),
                "<@U0APP|fonte> and in 2024?", "1700000003.000200", root, null));

        assertThat(followUp.statusCode()).isEqualTo(200);
        slack.awaitCalls(POST, 2);
        assertThat(slack.calls(POST)).extracting(call -> call.form().get("thread_ts")).containsExactly(root, root);
        assertThat(answers.questions()).extracting(Question::conversationId)
                .containsExactly("slack:T1:C1:" + root, "slack:T1:C1:" + root);
        assertThat(answers.questions().get(1).text()).isEqualTo("and in 2024?");
    }

    @Test
    void an_event_retried_by_slack_is_answered_once() throws Exception {
        String eventId = "Ev" + UUID.randomUUID();
        String body = mention("T1", eventId, "<@U0APP> retried question", "1700000004.000100", null, null);
        for (int retry = 0; retry <= 3; retry++) {
            HttpResponse<String> response = wire.signed("/slack/events", "application/json", body, now(),
                    retry == 0 ? Map.of() : Map.of("X-Slack-Retry-Num", String.valueOf(retry),
                            "X-Slack-Retry-Reason", "http_timeout"));
            assertThat(response.statusCode()).isEqualTo(200);
        }

        mentionAndAwait("sentinel");

        assertThat(answers.questions()).extracting(Question::text).containsExactly("retried question", "sentinel");
        assertThat(slack.calls(POST)).hasSize(2);
    }

    @Test
    void messages_from_bots_including_our_own_are_ignored() throws Exception {
        HttpResponse<String> byBot = wire.event(mention("T1", UUID.randomUUID().toString(), "<@U0APP> echo",
                "1700000005.000100", null, "B0FONTE"));
        HttpResponse<String> botMessage = wire.event("""
                {"type":"event_callback","team_id":"T1","event_id":"%s","event":{"type":"app_mention",\
                "subtype":"bot_message","text":"<@U0APP> loop","ts":"1700000005.000200","channel":"C1"}}"""
                .formatted(UUID.randomUUID()));

        assertThat(byBot.statusCode()).isEqualTo(200);
        assertThat(botMessage.statusCode()).isEqualTo(200);
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
    }

    @Test
    void an_event_from_another_workspace_is_not_answered_with_this_workspaces_token_and_is_logged() throws Exception {
        double ignored = counter("fonte.slack.events.ignored", "reason", "unknown_workspace");
        try (CapturedLogs logs = new CapturedLogs(WorkspaceAuthorization.class)) {
            // when: a mention from T2 and a command from T2, where this single-token Fonte is not installed
            HttpResponse<String> event = wire.event(mention("T2", UUID.randomUUID().toString(),
                    "<@U0APP> from elsewhere", "1700000009.000100", null, null));
            HttpResponse<String> command = wire.command(command("T2", "from elsewhere", slack.responseUrl("T2")));

            // then: acknowledged (no retries from Slack), the asker of the command is told, nothing is answered
            assertThat(event.statusCode()).isEqualTo(200);
            assertThat(json.readValue(command.body(), Map.class).get("text").toString()).contains("not installed");
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("workspace T2 ignored"));
        }
        assertThat(counter("fonte.slack.events.ignored", "reason", "unknown_workspace")).isEqualTo(ignored + 2);
        assertNothingDone();
    }

    @Test
    void a_rate_limited_reply_is_posted_again_after_retry_after_and_not_lost() throws Exception {
        // given: Slack answers the next chat.postMessage with 429 and Retry-After: 1
        double retries = counter("fonte.slack.post.retries", "reason", "rate_limited");
        slack.rateLimitNext(1, 1);

        // when
        wire.event(mention("T1", UUID.randomUUID().toString(), "<@U0APP> rate limited", "1700000010.000100",
                null, null));

        // then: posted a second time, at least a second later, and delivered
        FakeSlack.Call delivered = slack.await(call -> call.path().equals(POST) && call.status() == 200);
        List<FakeSlack.Call> posts = slack.calls(POST);
        assertThat(posts).extracting(FakeSlack.Call::status).containsExactly(429, 200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(delivered.receivedNanos() - posts.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(1000);
        assertThat(delivered.form()).containsEntry("thread_ts", "1700000010.000100");
        assertThat(counter("fonte.slack.post.retries", "reason", "rate_limited")).isEqualTo(retries + 1);
    }

    @Test
    void a_reply_still_rate_limited_at_the_last_attempt_is_logged_with_its_channel_and_counted() throws Exception {
        double failures = counter("fonte.slack.post.failures", "reason", "rate_limited");
        slack.rateLimitNext(3, 1);
        try (CapturedLogs logs = new CapturedLogs(SlackResponder.class)) {
            wire.event(mention("T1", UUID.randomUUID().toString(), "<@U0APP> always limited", "1700000011.000100",
                    null, null));

            slack.awaitCalls(POST, 3);
            awaitCounter("fonte.slack.post.failures", "rate_limited", failures + 1);
            assertThat(slack.calls(POST)).extracting(FakeSlack.Call::status).containsExactly(429, 429, 429);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                    .contains("channel C1").contains("thread 1700000011.000100").contains("3 attempt"));
        }
    }

    @Test
    void a_wrong_signature_is_rejected_with_401_counted_and_nothing_is_done() throws Exception {
        double refused = counter("fonte.slack.signature.failures");
        String body = mention("T1", UUID.randomUUID().toString(), "<@U0APP> forged", "1700000006.000100", null, null);
        String timestamp = now();
        HttpResponse<String> forged = wire.send("/slack/events", "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator("not-the-secret").generate(timestamp, body)));
        HttpResponse<String> tampered = wire.send("/slack/commands", "application/x-www-form-urlencoded",
                form(command("T1", "tampered", slack.responseUrl("x"))), Map.of(
                        "X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature",
                        new SlackSignature.Generator(SECRET).generate(timestamp,
                                form(command("T1", "original", slack.responseUrl("x"))))));

        assertUnauthorized(forged);
        assertUnauthorized(tampered);
        assertThat(counter("fonte.slack.signature.failures")).isEqualTo(refused + 2);
        assertNothingDone();
    }

    @Test
    void a_stale_timestamp_is_rejected_with_401_even_when_correctly_signed() throws Exception {
        String stale = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        String body = mention("T1", UUID.randomUUID().toString(), "<@U0APP> replayed", "1700000007.000100", null,
                null);

        HttpResponse<String> replayed = wire.signed("/slack/events", "application/json", body, stale, Map.of());
        HttpResponse<String> replayedCommand = wire.signed("/slack/commands", "application/x-www-form-urlencoded",
                form(command("T1", "replayed", slack.responseUrl("x"))), stale, Map.of());

        assertUnauthorized(replayed);
        assertUnauthorized(replayedCommand);
        assertNothingDone();
    }

    @Test
    void a_missing_header_is_rejected_with_401() throws Exception {
        String body = mention("T1", UUID.randomUUID().toString(), "<@U0APP> unsigned", "1700000008.000100", null,
                null);
        String timestamp = now();

        HttpResponse<String> noSignature = wire.send("/slack/events", "application/json", body,
                Map.of("X-Slack-Request-Timestamp", timestamp));
        HttpResponse<String> noTimestamp = wire.send("/slack/events", "application/json", body,
                Map.of("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body)));
        HttpResponse<String> noHeaders = wire.send("/slack/commands", "application/x-www-form-urlencoded",
                form(command("T1", "unsigned", slack.responseUrl("x"))), Map.of());

        assertUnauthorized(noSignature);
        assertUnauthorized(noTimestamp);
        assertUnauthorized(noHeaders);
        assertNothingDone();
    }

    @Test
    void a_signed_body_that_is_no_slack_event_is_a_400_problem() throws Exception {
        for (String body : List.of("{\"type\":\"event_callback\"}", "{not json", "[1,2]")) {
            HttpResponse<String> response = wire.signed("/slack/events", "application/json", body, now(), Map.of());

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertNothingDone();
    }

    @Test
    void signed_payloads_of_kinds_the_app_does_not_handle_are_acknowledged_and_nothing_is_done() throws Exception {
        List<String> events = List.of(
                "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvM\",\"event\":"
                        + "{\"type\":\"message\",\"text\":\"hi\",\"ts\":\"1.1\",\"channel\":\"C1\"}}",
                "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"EvR\",\"event\":"
                        + "{\"type\":\"reaction_added\",\"user\":\"U1\"}}",
                "{\"token\":\"x\",\"team_id\":\"T1\",\"minute_rate_limited\":1518467820,"
                        + "\"api_app_id\":\"A0FONTE\",\"type\":\"app_rate_limited\"}");
        List<String> interactions = List.of(
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U1\"},\"actions\":[]}",
                "{\"type\":\"shortcut\",\"team\":{\"id\":\"T1\"},\"callback_id\":\"x\"}",
                "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"view\":{\"type\":\"modal\"}}");

        for (String body : events) {
            assertThat(wire.event(body).statusCode()).as(body).isEqualTo(200);
        }
        for (String payload : interactions) {
            HttpResponse<String> response = wire.signed("/slack/commands", "application/x-www-form-urlencoded",
                    form(Map.of("payload", payload)), now(), Map.of());
            assertThat(response.statusCode()).as(payload).isLessThan(500);
        }
        assertNothingDone();
    }

    private void assertUnauthorized(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = json.readValue(response.body(), Map.class);
        assertThat(problem).containsEntry("status", 401).containsKeys("type", "title", "detail");
    }

    /** A valid mention after the rejected ones is the only thing answered and the only post Slack received. */
    private void assertNothingDone() throws Exception {
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
        assertThat(slack.calls(POST)).hasSize(1);
        assertThat(slack.calls()).noneMatch(call -> call.path().startsWith("/response/"));
    }

    private void mentionAndAwait(String text) throws Exception {
        String ts = "1800000000." + System.nanoTime() % 1_000_000;
        HttpResponse<String> response = wire.event(mention("T1", UUID.randomUUID().toString(), "<@U0APP> " + text,
                ts, null, null));
        assertThat(response.statusCode()).isEqualTo(200);
        slack.await(call -> ts.equals(call.form().get("thread_ts")));
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCounter(String name, String reason, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (counter(name, "reason", reason) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(counter(name, "reason", reason)).isEqualTo(atLeast);
    }
}
