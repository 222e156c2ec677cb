package dev.fonte.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Citation;
import dev.fonte.answer.Question;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.type.Argument;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack app end to end: requests signed with the SDK's {@link SlackSignature.Generator}, a canned
 * {@link AnswerService}, and a local fake of Slack (Web API and response_url) that records what Fonte posts.
 * One worker thread, so "a later event was answered" proves every earlier task has finished: no fixed sleeps.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackControllersTest implements TestPropertyProvider {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String BOT_TOKEN = "xoxb-" + "1234567890-1234567890123-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = startFakeSlack();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SlackSignature.Generator signer = new SlackSignature.Generator(SECRET);

    @Inject
    EmbeddedServer server;
    @Inject
    CannedAnswers answers;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "fonte.slack.signing-secret", SECRET,
                "fonte.slack.bot-token", BOT_TOKEN,
                "fonte.slack.api-url", slack.apiUrl(),
                "fonte.slack.workers", "1");
    }

    @BeforeEach
    void reset() {
        slack.reset();
        answers.reset();
    }

    @AfterAll
    void stopFakeSlack() {
        slack.close();
    }

    @Test
    void slash_command_is_acknowledged_before_the_answer_exists_and_answered_in_channel_on_the_response_url()
            throws Exception {
        // given an answer that takes as long as the test wants
        CountDownLatch release = answers.holdNextAnswer();
        String responseUrl = slack.responseUrl("T1/" + UUID.randomUUID());

        // when
        long started = System.nanoTime();
        HttpResponse<String> ack = post("/slack/commands", "application/x-www-form-urlencoded", form(Map.of(
                "command", "/fonte", "text", "How much will Meta spend on AI?", "channel_id", "C1",
                "user_id", "U1", "response_url", responseUrl)), now());
        long ackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // then: acknowledged within Slack's 3 s while the answer is still being worked on
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).isLessThan(3000);
        Map<String, Object> ackBody = json.readValue(ack.body(), Map.class);
        assertThat(ackBody).containsEntry("response_type", "ephemeral");
        assertThat((String) ackBody.get("text")).contains("Looking it up");
        assertThat(slack.calls()).isEmpty();

        release.countDown();
        FakeSlack.Call posted = slack.await(call -> call.path().startsWith("/response/"));
        Map<String, Object> message = json.readValue(posted.body(), Map.class);
        assertThat(message).containsEntry("response_type", "in_channel");
        assertThat(message.get("text").toString()).contains("65 billion [1]");
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) message.get("blocks");
        assertThat(blocks).isEqualTo(SlackBlocks.render(CannedAnswers.ANSWERED));
        assertThat(blocks.toString()).contains("Sources").contains("[1] _Meta &amp; AI_:");
        assertThat(posted.path()).isEqualTo(URI.create(responseUrl).getPath());
        assertThat(answers.questions()).extracting(Question::text).containsExactly("How much will Meta spend on AI?");
    }

    @Test
    void slash_command_in_italian_is_acknowledged_in_italian() throws Exception {
        HttpResponse<String> ack = post("/slack/commands", "application/x-www-form-urlencoded", form(Map.of(
                "command", "/fonte", "text", "Quanto spenderà Meta per l'IA?", "channel_id", "C1",
                "response_url", slack.responseUrl("it"))), now());

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readValue(ack.body(), Map.class).get("text").toString()).contains("Sto cercando");
        slack.await(call -> call.path().equals("/response/it"));
        assertThat(answers.questions()).extracting(Question::text).containsExactly("Quanto spenderà Meta per l'IA?");
    }

    @Test
    void slash_command_help_explains_usage_without_asking_anything() throws Exception {
        for (String text : List.of("help", "")) {
            HttpResponse<String> response = post("/slack/commands", "application/x-www-form-urlencoded", form(Map.of(
                    "command", "/fonte", "text", text, "response_url", slack.responseUrl("help"))), now());

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> body = json.readValue(response.body(), Map.class);
            assertThat(body).containsEntry("response_type", "ephemeral");
            assertThat(body.get("text").toString()).contains("/fonte &lt;question&gt;").contains("/fonte &lt;domanda&gt;");
        }
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
    }

    @Test
    void url_verification_is_answered_with_the_challenge() throws Exception {
        HttpResponse<String> response = post("/slack/events", "application/json",
                "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}", now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readValue(response.body(), Map.class))
                .containsEntry("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void app_mention_is_answered_in_a_thread_under_it_without_the_mention_in_the_question() throws Exception {
        HttpResponse<String> response = post("/slack/events", "application/json",
                mention(UUID.randomUUID().toString(), "<@U0APP> How much will Meta spend on AI?", "1700000001.000100",
                        null, null), now());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call posted = slack.await(call -> call.path().equals("/api/chat.postMessage"));
        assertThat(posted.form()).containsEntry("channel", "C1").containsEntry("thread_ts", "1700000001.000100");
        assertThat(posted.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
        assertThat(json.readValue(posted.form().get("blocks"), Argument.listOf(Argument.mapOf(String.class, Object.class))))
                .isEqualTo(SlackBlocks.render(CannedAnswers.ANSWERED));
        assertThat(answers.questions()).containsExactly(
                new Question("How much will Meta spend on AI?", "slack:C1:1700000001.000100"));
    }

    @Test
    void follow_up_in_the_thread_continues_the_same_conversation() throws Exception {
        String root = "1700000002.000100";
        post("/slack/events", "application/json",
                mention(UUID.randomUUID().toString(), "<@U0APP> How much will Meta spend?", root, null, null), now());
        slack.await(call -> root.equals(call.form().get("thread_ts")));

        HttpResponse<String> followUp = post("/slack/events", "application/json",
                mention(UUID.randomUUID().toString(), "<@U0APP|fonte> and in 2024?", "1700000003.000200", root, null),
                now());

        assertThat(followUp.statusCode()).isEqualTo(200);
        slack.awaitCalls(2);
        assertThat(slack.calls()).extracting(call -> call.form().get("thread_ts")).containsExactly(root, root);
        assertThat(answers.questions()).extracting(Question::conversationId)
                .containsExactly("slack:C1:" + root, "slack:C1:" + root);
        assertThat(answers.questions().get(1).text()).isEqualTo("and in 2024?");
    }

    @Test
    void an_event_retried_by_slack_is_answered_once() throws Exception {
        String eventId = "Ev" + UUID.randomUUID();
        String body = mention(eventId, "<@U0APP> retried question", "1700000004.000100", null, null);
        for (int retry = 0; retry <= 3; retry++) {
            HttpResponse<String> response = post("/slack/events", "application/json", body, now(),
                    retry == 0 ? Map.of() : Map.of("X-Slack-Retry-Num", String.valueOf(retry),
                            "X-Slack-Retry-Reason", "http_timeout"));
            assertThat(response.statusCode()).isEqualTo(200);
        }

        mentionAndAwait("sentinel");

        assertThat(answers.questions()).extracting(Question::text).containsExactly("retried question", "sentinel");
        assertThat(slack.calls()).hasSize(2);
    }

    @Test
    void messages_from_bots_including_our_own_are_ignored() throws Exception {
        HttpResponse<String> byBot = post("/slack/events", "application/json",
                mention(UUID.randomUUID().toString(), "<@U0APP> echo", "1700000005.000100", null, "B0FONTE"), now());
        HttpResponse<String> botMessage = post("/slack/events", "application/json", """
                {"type":"event_callback","event_id":"%s","event":{"type":"app_mention","subtype":"bot_message",
                "text":"<@U0APP> loop","ts":"1700000005.000200","channel":"C1"}}""".formatted(UUID.randomUUID()), now());

        assertThat(byBot.statusCode()).isEqualTo(200);
        assertThat(botMessage.statusCode()).isEqualTo(200);
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
    }

    @Test
    void a_wrong_signature_is_rejected_with_401_and_nothing_is_done() throws Exception {
        String body = mention(UUID.randomUUID().toString(), "<@U0APP> forged", "1700000006.000100", null, null);
        String timestamp = now();
        HttpResponse<String> forged = send("/slack/events", "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator("not-the-secret").generate(timestamp, body)));
        HttpResponse<String> tampered = send("/slack/commands", "application/x-www-form-urlencoded",
                form(Map.of("text", "tampered", "response_url", slack.responseUrl("x"))), Map.of(
                        "X-Slack-Request-Timestamp", timestamp,
                        "X-Slack-Signature", signer.generate(timestamp, form(Map.of("text", "original")))));

        assertUnauthorized(forged);
        assertUnauthorized(tampered);
        assertNothingDone();
    }

    @Test
    void a_stale_timestamp_is_rejected_with_401_even_when_correctly_signed() throws Exception {
        String stale = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        String body = mention(UUID.randomUUID().toString(), "<@U0APP> replayed", "1700000007.000100", null, null);

        HttpResponse<String> replayed = post("/slack/events", "application/json", body, stale);
        HttpResponse<String> replayedCommand = post("/slack/commands", "application/x-www-form-urlencoded",
                form(Map.of("text", "replayed", "response_url", slack.responseUrl("x"))), stale);

        assertUnauthorized(replayed);
        assertUnauthorized(replayedCommand);
        assertNothingDone();
    }

    @Test
    void a_missing_header_is_rejected_with_401() throws Exception {
        String body = mention(UUID.randomUUID().toString(), "<@U0APP> unsigned", "1700000008.000100", null, null);
        String timestamp = now();

        HttpResponse<String> noSignature = send("/slack/events", "application/json", body,
                Map.of("X-Slack-Request-Timestamp", timestamp));
        HttpResponse<String> noTimestamp = send("/slack/events", "application/json", body,
                Map.of("X-Slack-Signature", signer.generate(timestamp, body)));
        HttpResponse<String> noHeaders = send("/slack/commands", "application/x-www-form-urlencoded",
                form(Map.of("text", "unsigned", "response_url", slack.responseUrl("x"))), Map.of());

        assertUnauthorized(noSignature);
        assertUnauthorized(noTimestamp);
        assertUnauthorized(noHeaders);
        assertNothingDone();
    }

    private void assertUnauthorized(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = json.readValue(response.body(), Map.class);
        assertThat(problem).containsEntry("status", 401).containsKeys("type", "title", "detail");
    }

    /** A valid mention after the rejected ones is the only thing answered and the only call Slack received. */
    private void assertNothingDone() throws Exception {
        mentionAndAwait("sentinel");
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
        assertThat(slack.calls()).hasSize(1);
    }

    private void mentionAndAwait(String text) throws Exception {
        String ts = "1800000000." + System.nanoTime() % 1_000_000;
        HttpResponse<String> response = post("/slack/events", "application/json",
                mention(UUID.randomUUID().toString(), "<@U0APP> " + text, ts, null, null), now());
        assertThat(response.statusCode()).isEqualTo(200);
        slack.await(call -> ts.equals(call.form().get("thread_ts")));
    }

    private static String mention(String eventId, String text, String ts, String threadTs, String botId) {
        return """
                {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s",\
                "event_time":1700000000,"event":{"type":"app_mention","user":"U1","text":"%s","ts":"%s",\
                "channel":"C1","event_ts":"%s"%s%s}}""".formatted(eventId, text, ts, ts,
                threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"",
                botId == null ? "" : ",\"bot_id\":\"" + botId + "\"");
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private HttpResponse<String> post(String path, String contentType, String body, String timestamp)
            throws IOException, InterruptedException {
        return post(path, contentType, body, timestamp, Map.of());
    }

    private HttpResponse<String> post(String path, String contentType, String body, String timestamp,
                                      Map<String, String> extraHeaders) throws IOException, InterruptedException {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", signer.generate(timestamp, body));
        return send(path, contentType, body, headers);
    }

    private HttpResponse<String> send(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FakeSlack startFakeSlack() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new IllegalStateException("fake Slack could not start", e);
        }
    }

    /** Canned answers; records every question it was asked. Can hold the next answer until released. */
    @Singleton
    @Replaces(AnswerService.class)
    @Requires(beans = SlackControllersTest.class)
    static class CannedAnswers implements AnswerService {

        static final Answer ANSWERED = new Answer("c1", "Meta will spend up to 65 billion [1] on AI & more.", true,
                "en", List.of(new Citation(1, "meta-ai-2025-it:120-160", "meta-ai-2025-it", "Meta & AI",
                "fino a 65 miliardi <di dollari>", 120, 160, 0.9, null)), "extractive");

        private final List<Question> questions = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch hold;

        CountDownLatch holdNextAnswer() {
            hold = new CountDownLatch(1);
            return hold;
        }

        void reset() {
            questions.clear();
            hold = null;
        }

        List<Question> questions() {
            return List.copyOf(questions);
        }

        @Override
        public Answer answer(Question question) {
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            questions.add(question);
            return ANSWERED;
        }

        @Override
        public Publisher<AnswerEvent> stream(Question question) {
            throw new UnsupportedOperationException("not used by the Slack adapter");
        }
    }
}
