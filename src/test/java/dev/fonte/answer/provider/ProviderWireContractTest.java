package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real LangChain4j client of one provider, built by {@link ModelProviderFactory}, against a local fake server
 * speaking that provider's wire protocol, behind {@link ResilientChatModel} with a canned stand-in as fallback.
 * Each subclass names the provider and its fake.
 */
abstract class ProviderWireContractTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration DEADLINE = Duration.ofMillis(2000);
    static final String MODEL = "fake-model-1";
    static final String GROUNDED = "Meta investirà fino a 65 miliardi di dollari nel 2025 [1]. "
            + "Il data center avrà oltre 1,3 milioni di GPU [2].";

    FakeModelServer server;
    SimpleMeterRegistry meters;
    CannedModel fallback;
    MutableClock clock;
    ResilientChatModel model;
    ListAppender<ILoggingEvent> logs;

    abstract Provider provider();

    abstract FakeModelServer startServer();

    private static final Set<Provider> WARMED = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = startServer();
        meters = new SimpleMeterRegistry();
        fallback = new CannedModel();
        clock = new MutableClock();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        if (WARMED.add(provider())) {
            warmUp();
        }
        model = resilient(new ProviderConfiguration(provider(), MODEL, server.baseUrl(), "test-key",
                TIMEOUT, DEADLINE, 0.1, 300, 3, Duration.ofSeconds(30)));
    }

    /** The first call in a JVM loads the client's classes, slower than the short test timeouts allow. */
    private void warmUp() throws Exception {
        try (ResilientChatModel cold = resilient(new ProviderConfiguration(provider(), MODEL, server.baseUrl(),
                "test-key", Duration.ofSeconds(20), Duration.ofSeconds(30), 0.1, 300, 3, Duration.ofSeconds(30)))) {
            server.replies("warm [1].");
            cold.chat(request(), fallback);
            CollectingHandler handler = new CollectingHandler();
            cold.chat(request(), handler, fallback);
            handler.await(Duration.ofSeconds(30));
        }
        server.forget();
        fallback.calls.set(0);
        meters.clear();
    }

    private ResilientChatModel resilient(ProviderConfiguration config) {
        ModelProviderFactory factory = new ModelProviderFactory();
        ChatModel chat;
        StreamingChatModel streaming;
        switch (provider()) {
            case OPENAI -> {
                chat = factory.openAi(config);
                streaming = factory.openAiStreaming(config);
            }
            case OLLAMA -> {
                chat = factory.ollama(config);
                streaming = factory.ollamaStreaming(config);
            }
            case ANTHROPIC -> {
                chat = factory.anthropic(config);
                streaming = factory.anthropicStreaming(config);
            }
            default -> throw new IllegalStateException(provider().name());
        }
        UnaryOperator<ChatRequest> fit = provider() == Provider.OLLAMA
                ? request -> OllamaConfiguration.defaults().fit(request, config.maxTokens()) : UnaryOperator.identity();
        return new ResilientChatModel(config, chat, streaming, "extractive", meters, clock, fit);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        model.close();
        server.close();
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /**
     * What Fonte logged at WARN or above during the test; the root logger also hears other libraries' background
     * threads in the same JVM (a Slack Socket Mode client of another test retrying its connection).
     */
    List<ILoggingEvent> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("dev.fonte")).toList();
    }

    static ChatRequest request() {
        return ChatRequest.builder().messages(
                SystemMessage.from("Answer only from the numbered sources, with [n] after each sentence."),
                UserMessage.from("""
                        Sources:
                        [1] Meta prevede investimenti fino a 65 miliardi di dollari nel 2025.
                        [2] Il data center ospiterà oltre 1,3 milioni di GPU.

                        Question: Quanto investirà Meta?""")).build();
    }

    String label() {
        return provider().id() + ":" + MODEL;
    }

    String fallbackLabel(String phrase) {
        return "extractive (fallback: " + provider().id() + " " + phrase + ")";
    }

    double failures(FailureReason reason) {
        var counter = meters.find(ResilientChatModel.FAILURES)
                .tags("provider", provider().id(), "reason", reason.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    double fallbacks() {
        return meters.find(ResilientChatModel.FALLBACKS).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    // ---- the provider answers

    @Test
    void given_a_working_provider_when_asked_then_its_answer_comes_back_named_after_it() {
        server.replies(GROUNDED);

        ChatResponse response = model.chat(request(), fallback);

        assertThat(response.aiMessage().text()).isEqualTo(GROUNDED);
        assertThat(response.modelName()).isEqualTo(label());
        assertThat(fallback.calls).hasValue(0);
        assertThat(fallbacks()).isZero();
    }

    @Test
    void given_a_working_provider_when_asked_then_it_receives_the_model_the_temperature_and_the_numbered_sources() {
        server.replies(GROUNDED);

        model.chat(request(), fallback);

        FakeModelServer.Received received = server.lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.json().path("model").asText()).isEqualTo(MODEL);
        assertThat(temperature(received)).isEqualTo(0.1);
        assertThat(received.body())
                .contains("[1] Meta prevede investimenti fino a 65 miliardi")
                .contains("[2] Il data center ospiterà")
                .contains("Quanto investirà Meta?");
        assertReceivedCredentials(received);
    }

    @Test
    void given_a_streaming_provider_when_asked_then_tokens_arrive_one_by_one_and_the_final_response_is_whole()
            throws Exception {
        server.replies(GROUNDED);
        CollectingHandler handler = new CollectingHandler();

        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);

        assertThat(handler.partials).hasSizeGreaterThan(5);
        assertThat(handler.text()).isEqualTo(GROUNDED);
        assertThat(response.aiMessage().text()).isEqualTo(GROUNDED);
        assertThat(response.modelName()).isEqualTo(label());
        assertThat(handler.events).doesNotContain("fallback", "error").endsWith("complete");
        assertThat(server.lastRequest().json().path("stream").asBoolean()).isTrue();
    }

    // ---- the provider fails: the fallback answers within the deadline

    @Test
    void given_a_provider_answering_500_when_asked_then_the_fallback_answers_and_the_failure_is_counted() {
        server.failsWith(500);

        ChatResponse response = model.chat(request(), fallback);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).isEqualTo(fallbackLabel("failed (HTTP 5xx)"));
        assertThat(failures(FailureReason.SERVER_ERROR)).isEqualTo(1);
        assertThat(fallbacks()).isEqualTo(1);
    }

    @Test
    void given_a_provider_refusing_the_key_when_asked_then_the_fallback_answers() {
        server.failsWith(401);

        ChatResponse response = model.chat(request(), fallback);

        assertThat(response.modelName()).isEqualTo(fallbackLabel("refused the request (HTTP 4xx)"));
        assertThat(failures(FailureReason.CLIENT_ERROR)).isEqualTo(1);
    }

    @Test
    void given_a_streaming_provider_answering_500_when_asked_then_the_fallback_streams_instead() throws Exception {
        server.failsWith(500);
        CollectingHandler handler = new CollectingHandler();

        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).isEqualTo(fallbackLabel("failed (HTTP 5xx)"));
        assertThat(handler.fallbackReason).isEqualTo(FailureReason.SERVER_ERROR);
        assertThat(handler.text()).isEqualTo(CannedModel.TEXT);
    }

    @Test
    void given_a_provider_that_never_answers_when_asked_then_the_fallback_answers_within_the_deadline() {
        server.hangs();

        long started = System.nanoTime();
        ChatResponse response = model.chat(request(), fallback);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.modelName()).isEqualTo(fallbackLabel("timed out"));
        assertThat(took).isLessThan(DEADLINE).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
        assertThat(failures(FailureReason.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void given_a_streaming_provider_that_never_answers_when_asked_then_the_fallback_answers_within_the_deadline()
            throws Exception {
        server.hangs();
        CollectingHandler handler = new CollectingHandler();

        long started = System.nanoTime();
        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.modelName()).isEqualTo(fallbackLabel("timed out"));
        assertThat(took).isLessThan(DEADLINE);
        assertThat(handler.events).containsOnlyOnce("complete").doesNotContain("error");
    }

    @Test
    void given_a_malformed_body_when_asked_then_the_fallback_answers() {
        server.sendsMalformedBody();

        ChatResponse response = model.chat(request(), fallback);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).startsWith("extractive (fallback: " + provider().id());
        assertThat(failures(FailureReason.MALFORMED) + failures(FailureReason.ERROR)).isEqualTo(1);
    }

    @Test
    void given_a_malformed_stream_when_asked_then_the_fallback_answers_and_one_line_says_malformed() throws Exception {
        server.sendsMalformedBody();
        CollectingHandler handler = new CollectingHandler();

        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).isEqualTo(fallbackLabel("sent a malformed response"));
        assertThat(handler.events).containsOnlyOnce("complete").doesNotContain("error");
        assertThat(failures(FailureReason.MALFORMED)).isEqualTo(1);
        assertThat(failures(FailureReason.STREAM_CUT)).isZero();
        // an expected failure: one line of ours, and no library stack trace
        assertThat(warnings()).hasSize(1).allMatch(e -> e.getThrowableProxy() == null)
                .allMatch(e -> e.getLoggerName().equals(ResilientChatModel.class.getName()))
                .allMatch(e -> !e.getFormattedMessage().contains("\n"));
    }

    @Test
    void given_a_body_cut_in_half_when_asked_then_the_fallback_answers() {
        server.cutsStreamHalfway(GROUNDED);

        ChatResponse response = model.chat(request(), fallback);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).startsWith("extractive (fallback: " + provider().id());
    }

    @Test
    void given_a_stream_cut_in_half_when_asked_then_the_listener_is_told_and_the_fallback_answers_in_full()
            throws Exception {
        server.cutsStreamHalfway(GROUNDED);
        CollectingHandler handler = new CollectingHandler();

        long started = System.nanoTime();
        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.aiMessage().text()).isEqualTo(CannedModel.TEXT);
        assertThat(response.modelName()).isEqualTo(fallbackLabel("cut its stream short"));
        assertThat(took).isLessThan(TIMEOUT);
        assertThat(handler.events).contains("partial", "fallback").endsWith("complete");
        assertThat(handler.text()).endsWith(CannedModel.TEXT).startsWith("Meta");
        assertThat(failures(FailureReason.STREAM_CUT)).isEqualTo(1);
    }

    @Test
    void given_a_stream_that_stalls_half_way_when_asked_then_the_fallback_answers_within_the_deadline()
            throws Exception {
        server.stallsHalfway(GROUNDED);
        CollectingHandler handler = new CollectingHandler();

        long started = System.nanoTime();
        model.chat(request(), handler, fallback);
        ChatResponse response = handler.await(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.modelName()).isEqualTo(fallbackLabel("stalled mid-stream"));
        assertThat(took).isLessThan(DEADLINE);
        assertThat(failures(FailureReason.STALLED)).isEqualTo(1);
    }

    @Test
    void given_a_provider_failing_again_and_again_when_asked_then_it_is_skipped_once_the_breaker_opens() {
        server.failsWith(503);

        for (int i = 0; i < 5; i++) {
            model.chat(request(), fallback);
        }

        assertThat(server.received()).hasSize(3);
        assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(model.chat(request(), fallback).modelName())
                .isEqualTo(fallbackLabel("is skipped after repeated failures"));
        assertThat(fallback.calls).hasValue(6);
    }

    // ---- the asker leaves

    @Test
    void given_an_asker_who_leaves_before_the_first_token_then_the_exchange_stops_and_nothing_is_counted()
            throws Exception {
        server.slowly(Duration.ofMillis(500), Duration.ofMillis(20), prompt -> GROUNDED);
        CollectingHandler handler = new CollectingHandler();

        StreamingHandle call = model.chat(request(), handler, fallback);
        assertThat(eventually(() -> !server.received().isEmpty())).as("the provider is working on it").isTrue();
        call.cancel();

        assertThat(eventually(() -> server.abandoned() > 0)).as("the fake saw the client go away").isTrue();
        assertThat(handler.events).isEmpty();
        assertThat(fallback.calls).hasValue(0);
        assertThat(meters.find(ResilientChatModel.FAILURES).counters()).isEmpty();
        assertThat(meters.find(ResilientChatModel.CANCELLED).counter().count()).isEqualTo(1);
        assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /**
     * The sequence that left the breaker open for good: it opens, its open time passes, the half-open trial is a
     * stream, and the asker leaves while its tokens flow (a closed tab, the widget's Stop button).
     */
    @Test
    void given_the_half_open_trial_is_a_stream_the_asker_leaves_then_the_breaker_is_not_stuck() throws Exception {
        server.failsWith(500);
        for (int i = 0; i < 3; i++) {
            model.chat(request(), fallback);
        }
        assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(30));
        server.slowly(Duration.ZERO, Duration.ofMillis(30), prompt -> GROUNDED);
        CollectingHandler leaving = new CollectingHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                super.onPartialResponse(partial.text());
                context.streamingHandle().cancel();
            }
        };

        model.chat(request(), leaving, fallback);

        assertThat(eventually(() -> !leaving.partials.isEmpty())).isTrue();
        // the handler leaves right after it is handed its first token, on the client's thread
        assertThat(eventually(() -> model.breakerState() != CircuitBreaker.State.HALF_OPEN))
                .as("the trial is given back").isTrue();
        server.replies(GROUNDED);
        ChatResponse next = model.chat(request(), fallback);
        assertThat(next.modelName()).as("the next question is the new trial, and it is answered").isEqualTo(label());
        assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(failures(FailureReason.SERVER_ERROR)).isEqualTo(3);
        assertThat(meters.find(ResilientChatModel.FAILURES).counters()).hasSize(1);
        assertThat(leaving.events).doesNotContain("fallback", "complete", "error");
    }

    // ---- warming up

    @Test
    void given_a_working_provider_when_warmed_up_then_both_clients_call_it_once_and_nothing_is_counted()
            throws Exception {
        server.replies(GROUNDED);

        Duration took = model.warmUp().get(10, TimeUnit.SECONDS);

        assertThat(took).isPositive();
        assertThat(server.received()).hasSize(2);
        assertThat(server.received()).extracting(r -> r.json().path("stream").asBoolean()).containsExactly(false, true);
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void given_a_failing_provider_when_warmed_up_then_one_line_says_so_and_the_breaker_does_not_count_it() {
        server.failsWith(503);

        assertThatThrownBy(() -> model.warmUp().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThat(model.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(meters.getMeters()).isEmpty();
        assertThat(warnings()).hasSize(1).allMatch(e -> e.getThrowableProxy() == null)
                .allMatch(e -> e.getFormattedMessage().contains("warm-up"));
    }

    /** Polls a condition for a few seconds (what it waits for happens on other threads). */
    static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Ollama sends sampling settings under {@code options}; OpenAI and Anthropic at the top level. */
    double temperature(FakeModelServer.Received received) {
        var json = received.json();
        return json.has("temperature") ? json.path("temperature").asDouble()
                : json.path("options").path("temperature").asDouble(-1);
    }

    abstract void assertReceivedCredentials(FakeModelServer.Received received);
}
