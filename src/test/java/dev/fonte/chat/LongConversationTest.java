package dev.fonte.chat;

import dev.fonte.answer.Answer;
import dev.fonte.answer.ConversationConfiguration;
import dev.fonte.answer.ConversationMemory;
import dev.fonte.http.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation of hundreds of long follow-ups: each follow-up is read with the previous question, and what it
 * carries forward stays bounded, so no turn, however late, builds a query too large to run.
 */
@MicronautTest
class LongConversationTest {

    static final int TURNS = 500;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ConversationMemory memory;

    @Inject
    ConversationConfiguration config;

    @Test
    void given_five_hundred_long_follow_ups_in_one_conversation_then_every_turn_is_answered_and_the_question_bounded()
            throws InterruptedException {
        BlockingHttpClient client = http.toBlocking();
        Problems.awaitHealthy(client, Duration.ofSeconds(60));
        Answer first = client.retrieve(HttpRequest.POST("/api/chat",
                Map.of("question", "Quanto investirà Meta nell'intelligenza artificiale nel 2025?")), Answer.class);
        String conversation = first.conversationId();

        for (int turn = 1; turn <= TURNS; turn++) {
            String question = "E nel " + (2000 + turn % 30) + " invece, considerando anche i data center, le GPU, "
                    + "i modelli Llama, gli investimenti di Microsoft e di Google e le reazioni degli analisti "
                    + "e degli azionisti dopo l'annuncio fatto su Facebook, numero " + turn + "?";
            HttpResponse<Answer> response = client.exchange(HttpRequest.POST("/api/chat",
                    Map.of("question", question, "conversationId", conversation)), Answer.class);

            assertThat(response.code()).as("turn %d", turn).isEqualTo(200);
            assertThat(response.body().conversationId()).isEqualTo(conversation);
            assertThat(memory.last(conversation).orElseThrow().standaloneQuestion().split("\\s+"))
                    .as("words carried at turn %d", turn).hasSizeLessThanOrEqualTo(config.maxStandaloneWords());
        }
    }
}
