package dev.fonte.slack;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Citation;
import dev.fonte.answer.Question;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/chat} with {@code "format": "slack"}: the usual answer plus ready-to-post Block Kit blocks. */
@MicronautTest
class SlackFormatChatTest {

    static final Answer LONG = new Answer("c9", "Spesa <in crescita> & record. ".repeat(180).strip() + " [1].", true,
            "it", List.of(new Citation(1, "meta-ai-2025-it:0-20", "meta-ai-2025-it", "Meta & IA", "fino a 65 <mld>",
            0, 20, 0.8, null)), "extractive");

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void format_slack_adds_blocks_within_block_kit_limits_beside_the_usual_answer() {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                        Map.of("question", "Quanto spende Meta?", "format", "slack")),
                Argument.mapOf(String.class, Object.class));

        assertThat(body).containsEntry("answered", true).containsEntry("conversationId", "c9")
                .containsEntry("answer", LONG.answer()).containsKey("citations");
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) body.get("blocks");
        assertThat(blocks).isEqualTo(SlackBlocks.render(LONG));
        assertThat(LONG.answer().length()).isGreaterThan(5000);
        assertThat(blocks.size()).isBetween(4, SlackBlocks.MAX_BLOCKS);
        assertThat(blocks).allSatisfy(block -> {
            Object text = block.get("text");
            if (text instanceof Map<?, ?> t) {
                assertThat(t.get("text").toString().length()).isLessThanOrEqualTo(SlackBlocks.MAX_SECTION_TEXT);
                assertThat(t.get("text").toString()).doesNotContain("<").doesNotContain(" & ");
            }
        });
    }

    @Test
    void without_format_the_answer_has_no_blocks() {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/chat",
                Map.of("question", "Quanto spende Meta?")), Argument.mapOf(String.class, Object.class));

        assertThat(body).containsEntry("answer", LONG.answer()).doesNotContainKey("blocks");
    }

    @Test
    void format_slack_on_the_stream_puts_the_same_blocks_in_the_done_event() throws java.io.IOException {
        String stream = client.toBlocking().retrieve(HttpRequest.POST("/api/chat/stream",
                        Map.of("question", "Quanto spende Meta?", "format", "slack"))
                .accept(MediaType.TEXT_EVENT_STREAM), String.class);

        String done = stream.substring(stream.indexOf("event: done"));
        String data = done.substring(done.indexOf("data: ") + "data: ".length()).lines().findFirst().orElseThrow();
        Map<String, Object> body = io.micronaut.serde.ObjectMapper.getDefault()
                .readValue(data, Argument.mapOf(String.class, Object.class));
        assertThat(body).containsEntry("answer", LONG.answer());
        assertThat(body.get("blocks")).isEqualTo(SlackBlocks.render(LONG));
    }

    @Singleton
    @Replaces(AnswerService.class)
    @Requires(beans = SlackFormatChatTest.class)
    static class LongAnswer implements AnswerService {

        @Override
        public Answer answer(Question question) {
            return LONG;
        }

        @Override
        public Publisher<AnswerEvent> stream(Question question) {
            return reactor.core.publisher.Flux.just(new AnswerEvent.Sources(List.of()),
                    new AnswerEvent.Delta(LONG.answer()), new AnswerEvent.Done(LONG));
        }
    }
}
