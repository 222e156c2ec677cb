package dev.fonte.store;

import dev.fonte.answer.Answer;
import dev.fonte.answer.ConversationMemory;
import dev.fonte.retrieval.IndexManager;
import dev.fonte.slack.FakeSlack;
import dev.fonte.slack.SlackWire;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the application on two ports, as two replicas behind a load balancer: one Redis for their shared
 * state, one index folder (the first builds it, the second only reads it and has no corpus folder at all), one Slack
 * app. A conversation whose turns alternate between them is followed as on one instance, and a Slack event retried to
 * the other one is answered once.
 */
class ReplicasTest {

    private static final String BOT_TOKEN = "xoxb-" + "1234567890-1234567890123-abcdefghijklmnopqrstuvwx";
    private static final String POST = "/api/chat.postMessage";

    private static RedisServer redis;
    private static FakeSlack slack;
    private static EmbeddedServer first;
    private static EmbeddedServer second;
    private static BlockingHttpClient toFirst;
    private static BlockingHttpClient toSecond;

    @BeforeAll
    static void start() throws Exception {
        if (!RedisServer.available()) {
            return;
        }
        redis = RedisServer.start();
        Path corpus = Files.createTempDirectory("fonte-replicas-corpus");
        // the shipped corpus folder, glossaries included (a follow-up is read with the names glossary)
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, corpus.resolve(file.getFileName()));
            }
        }
        Path index = Files.createTempDirectory("fonte-replicas-index");
        Map<String, Object> shared = new HashMap<>();
        shared.put("fonte.store.redis-url", redis.url());
        shared.put("fonte.index.path", index.toString());
        slack = FakeSlack.startLocally().workspace("T1", BOT_TOKEN);
        shared.put("fonte.slack.signing-secret", SlackWire.SECRET);
        shared.put("fonte.slack.bot-token", BOT_TOKEN);
        shared.put("fonte.slack.api-url", slack.apiUrl());
        shared.put("fonte.slack.workers", "1");
        Map<String, Object> writer = new HashMap<>(shared);
        writer.put("fonte.corpus.path", corpus.toString());
        first = ApplicationContext.run(EmbeddedServer.class, writer);
        assertThat(first.getApplicationContext().getBean(IndexManager.class).awaitReady(Duration.ofSeconds(120)))
                .isTrue();
        Map<String, Object> reader = new HashMap<>(shared);
        reader.put("fonte.corpus.path", corpus.resolve("not-here").toString());
        reader.put("fonte.index.read-only", true);
        second = ApplicationContext.run(EmbeddedServer.class, reader);
        assertThat(second.getApplicationContext().getBean(IndexManager.class).awaitReady(Duration.ofSeconds(60)))
                .isTrue();
        toFirst = HttpClient.create(first.getURL()).toBlocking();
        toSecond = HttpClient.create(second.getURL()).toBlocking();
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.getApplicationContext().close();
        }
        if (first != null) {
            first.getApplicationContext().close();
        }
        if (redis != null) {
            redis.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @BeforeEach
    void redis() {
        assumeTrue(RedisServer.available(), RedisServer.MISSING);
    }

    @Test
    void a_conversation_alternating_between_two_replicas_has_its_follow_ups_answered_right() {
        Answer capex = ask(toFirst, "Quanto investirà Meta in spese in conto capitale nel 2025?", null);
        Answer lastYear = ask(toSecond, "E l'anno scorso?", capex.conversationId());
        Answer shares = ask(toFirst, "Com'è andato il titolo Meta in Borsa dopo l'annuncio?", capex.conversationId());
        Answer opening = ask(toSecond, "E all'apertura com'era partito?", capex.conversationId());

        assertThat(capex.answer()).contains("65 miliardi");
        assertThat(lastYear.conversationId()).isEqualTo(capex.conversationId());
        assertThat(lastYear.answer()).contains("38 miliardi");
        assertThat(shares.answer()).containsAnyOf("2%", "2 %", "2 per cento");
        assertThat(opening.answer()).containsAnyOf("1,4%", "1.4%", "1,4 %", "1,4 per cento");
        // each replica remembers the turns the other answered
        assertThat(first.getApplicationContext().getBean(ConversationMemory.class).history(capex.conversationId()))
                .hasSize(8);
    }

    @Test
    void the_turn_one_replica_answered_is_the_previous_turn_on_the_other() {
        Answer answered = ask(toFirst, "Quanto investirà Meta nel 2025?", null);

        ConversationMemory other = second.getApplicationContext().getBean(ConversationMemory.class);
        assertThat(other.last(answered.conversationId())).hasValueSatisfying(turn -> {
            assertThat(turn.standaloneQuestion()).isEqualTo("Quanto investirà Meta nel 2025?");
            assertThat(turn.language()).isEqualTo("it");
        });
        assertThat(other.last("a-conversation-nobody-had")).isEmpty();
    }

    @Test
    void the_read_only_replica_serves_the_index_the_other_built_without_a_corpus_folder() {
        IndexManager reader = second.getApplicationContext().getBean(IndexManager.class);

        assertThat(reader.status().documents()).isEqualTo(2);
        assertThat(reader.current().dense()).isTrue();
        assertThat(reader.folder()).isEqualTo(first.getApplicationContext().getBean(IndexManager.class).folder());
    }

    @Test
    void a_slack_event_retried_to_the_other_replica_is_answered_once() throws Exception {
        String eventId = "Ev" + UUID.randomUUID();
        String mention = SlackWire.mention("T1", eventId, "<@U0APP> Quanto investirà Meta nel 2025?",
                "1700000100.000100", null, null);
        HttpResponse<String> delivered = new SlackWire(first.getURI(), SlackWire.SECRET).event(mention);
        HttpResponse<String> retried = new SlackWire(second.getURI(), SlackWire.SECRET).signed("/slack/events",
                "application/json", mention, SlackWire.now(), Map.of("X-Slack-Retry-Num", "1",
                        "X-Slack-Retry-Reason", "http_timeout"));
        // a later event on the replica the retry reached, whose one worker answers in order: once the later one is
        // posted, an answer to the retry would have been too
        new SlackWire(second.getURI(), SlackWire.SECRET).event(SlackWire.mention("T1", "Ev" + UUID.randomUUID(),
                "<@U0APP> sentinel", "1700000101.000100", null, null));
        slack.await(call -> "1700000100.000100".equals(call.form().get("thread_ts")));
        slack.await(call -> "1700000101.000100".equals(call.form().get("thread_ts")));

        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(slack.calls(POST)).extracting(call -> call.form().get("thread_ts"))
                .containsExactlyInAnyOrder("1700000100.000100", "1700000101.000100");
    }

    private static Answer ask(BlockingHttpClient client, String question, String conversationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return client.retrieve(HttpRequest.POST("/api/chat", body), Answer.class);
    }
}
