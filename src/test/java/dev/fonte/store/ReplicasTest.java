package dev.fonte.store;

import dev.fonte.answer.Answer;
import dev.fonte.answer.ConversationMemory;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the application on two ports, as two replicas behind a load balancer: one Redis for their shared
 * state, one index folder (the first builds it, the second only reads it and has no corpus folder at all). A
 * conversation whose turns alternate between them is followed as on one instance.
 */
class ReplicasTest {

    private static RedisServer redis;
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
        for (String file : new String[] {"meta-ai-2025.it.md", "meta-ai-2025.en.md", "glossary.synonyms"}) {
            Files.copy(Path.of("corpus", file), corpus.resolve(file));
        }
        Path index = Files.createTempDirectory("fonte-replicas-index");
        Map<String, Object> shared = new HashMap<>();
        shared.put("fonte.store.redis-url", redis.url());
        shared.put("fonte.index.path", index.toString());
        Map<String, Object> writer = new HashMap<>(shared);
        writer.put("fonte.corpus.path", corpus.toString());
        first = ApplicationContext.run(EmbeddedServer.class, writer);
        assertThat(first.getApplicationContext().getBean(IndexManager.class).awaitReady(Duration.ofSeconds(120))).isTrue();
        Map<String, Object> reader = new HashMap<>(shared);
        reader.put("fonte.corpus.path", corpus.resolve("not-here").toString());
        reader.put("fonte.index.read-only", true);
        second = ApplicationContext.run(EmbeddedServer.class, reader);
        assertThat(second.getApplicationContext().getBean(IndexManager.class).awaitReady(Duration.ofSeconds(60))).isTrue();
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

    private static Answer ask(BlockingHttpClient client, String question, String conversationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return client.retrieve(HttpRequest.POST("/api/chat", body), Answer.class);
    }
}
