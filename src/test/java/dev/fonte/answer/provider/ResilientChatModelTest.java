package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.OpenAiFakeServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrapper's own rules, with hand-written models; the wire behaviour is in the per-provider tests. */
class ResilientChatModelTest {

    final MutableClock clock = new MutableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CannedModel fallback = new CannedModel();

    ProviderConfiguration config(Provider provider) {
        return new ProviderConfiguration(provider, "m", null, "k", Duration.ofMillis(500), Duration.ofSeconds(2),
                0.0, 100, 2, Duration.ofSeconds(60));
    }

    @Test
    void given_the_extractive_provider_then_the_embedded_model_answers_under_its_own_name() {
        try (ResilientChatModel model = new ResilientChatModel(config(Provider.EXTRACTIVE), null, null, "extractive",
                meters, clock)) {

            ChatResponse response = model.chat(ProviderWireContractTest.request(), fallback);

            assertThat(response.modelName()).isEqualTo("extractive");
            assertThat(model.label()).isEqualTo("extractive");
            assertThat(meters.getMeters()).isEmpty();
        }
    }

    @Test
    void given_an_open_breaker_when_the_open_time_passes_then_the_provider_is_tried_again_and_recovers() {
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        ChatModel provider = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                calls.incrementAndGet();
                if (broken.get()) {
                    throw new InternalServerException("down");
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("Back [1].")).finishReason(FinishReason.STOP)
                        .build();
            }
        };
        try (ResilientChatModel model = new ResilientChatModel(config(Provider.OPENAI), provider,
                fallback, "extractive", meters, clock)) {
            model.chat(ProviderWireContractTest.request(), fallback);
            model.chat(ProviderWireContractTest.request(), fallback);
            model.chat(ProviderWireContractTest.request(), fallback);
            assertThat(calls).as("the third call is skipped").hasValue(2);

            broken.set(false);
            clock.advance(Duration.ofSeconds(60));
            ChatResponse response = model.chat(ProviderWireContractTest.request(), fallback);

            assertThat(response.modelName()).isEqualTo("openai:m");
            assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(meters.find(ResilientChatModel.FALLBACKS).tag("reason", "circuit_open").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void given_an_empty_answer_then_the_fallback_answers() {
        ChatModel provider = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("  ")).finishReason(FinishReason.STOP).build();
            }
        };
        try (ResilientChatModel model = new ResilientChatModel(config(Provider.OLLAMA), provider,
                fallback, "extractive", meters, clock)) {

            assertThat(model.chat(ProviderWireContractTest.request(), fallback).modelName())
                    .isEqualTo("extractive (fallback: ollama sent an empty answer)");
        }
    }

    /** Loads the client's classes with a generous timeout, so that the 300 ms one below measures the stall only. */
    private static void warmUp(OpenAiFakeServer server, ModelProviderFactory factory) throws Exception {
        server.replies("warm");
        ProviderConfiguration slow = new ProviderConfiguration(Provider.OPENAI, "m", server.baseUrl(), "k",
                Duration.ofSeconds(20), Duration.ofSeconds(30), 0.0, 100, 2, Duration.ofSeconds(60));
        CollectingHandler handler = new CollectingHandler();
        factory.openAiStreaming(slow).chat(ProviderWireContractTest.request(), handler);
        handler.await(Duration.ofSeconds(30));
    }

    @Test
    void given_a_subscriber_that_cancels_mid_stream_then_the_provider_stream_stops_and_nothing_else_is_sent()
            throws Exception {
        try (OpenAiFakeServer server = new OpenAiFakeServer()) {
            ProviderConfiguration config = new ProviderConfiguration(Provider.OPENAI, "m", server.baseUrl(), "k",
                    Duration.ofMillis(1000), Duration.ofSeconds(2), 0.0, 100, 2, Duration.ofSeconds(60));
            ModelProviderFactory factory = new ModelProviderFactory();
            try (ResilientChatModel model = new ResilientChatModel(config, factory.openAi(config),
                    factory.openAiStreaming(config), "extractive", meters, clock)) {
                warmUp(server, factory);
                server.stallsHalfway("one two three four five six seven eight");
                List<String> events = new CopyOnWriteArrayList<>();
                model.chat(ProviderWireContractTest.request(), new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        events.add("partial");
                        context.streamingHandle().cancel();
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        events.add("complete");
                    }

                    @Override
                    public void onError(Throwable error) {
                        events.add("error");
                    }
                }, fallback);

                // past the 1 s stall timeout: a live attempt would have fallen back by now (a shorter timeout let a loaded
                // machine's slow first token time the attempt out before the subscriber could cancel it)
                Thread.sleep(1500);

                assertThat(events).containsExactly("partial");
                assertThat(fallback.calls).hasValue(0);
                assertThat(meters.find(ResilientChatModel.FAILURES).counters()).isEmpty();
            }
        }
    }
}
