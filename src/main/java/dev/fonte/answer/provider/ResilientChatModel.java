package dev.fonte.answer.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The configured provider behind a deadline, a circuit breaker and a fallback given with each call (the embedded
 * default, answering the same question).
 *
 * <p>A provider call that times out, answers 4xx/5xx, sends malformed JSON or an empty answer, or whose stream stalls
 * (no token for {@code timeout}), runs past {@code deadline} or ends without its end-of-stream event, never fails the
 * request: the fallback answers instead. The failure is logged and counted ({@value #FAILURES} and
 * {@value #FALLBACKS}, tagged {@code provider} and {@code reason}).
 *
 * <p>Every response names what answered in {@link ChatResponse#modelName()}, in the form of {@code Answer.model}:
 * {@code openai:gpt-4o-mini}, {@code extractive}, or {@code extractive (fallback: openai timed out)}.
 *
 * <p>Streaming: tokens reach the handler as the provider writes them. When the provider fails after some tokens
 * were delivered, the fallback's answer follows; a handler that implements {@link FallbackListener} is told first,
 * so it can discard what it showed. The final {@code onCompleteResponse} always carries the complete, authoritative
 * answer text.
 */
public final class ResilientChatModel implements AutoCloseable {

    public static final String FAILURES = "fonte.provider.failures";
    public static final String FALLBACKS = "fonte.provider.fallbacks";

    private static final Logger LOG = LoggerFactory.getLogger(ResilientChatModel.class);

    private final ProviderConfiguration config;
    @Nullable
    private final ChatModel primary;
    @Nullable
    private final StreamingChatModel primaryStreaming;
    private final String fallbackLabel;
    private final MeterRegistry meters;
    private final CircuitBreaker breaker;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemon("fonte-provider-"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("fonte-provider-timer-"));

    /**
     * @param primary          the provider's models, both null for the {@code extractive} provider
     * @param fallbackLabel    what {@code Answer.model} says when the fallback answers, e.g. {@code extractive}
     */
    public ResilientChatModel(ProviderConfiguration config,
                              @Nullable ChatModel primary, @Nullable StreamingChatModel primaryStreaming,
                              String fallbackLabel, MeterRegistry meters, Clock clock) {
        if ((primary == null) != (primaryStreaming == null)) {
            throw new IllegalArgumentException("the provider needs both a ChatModel and a StreamingChatModel");
        }
        this.config = config;
        this.primary = primary;
        this.primaryStreaming = primaryStreaming;
        this.fallbackLabel = fallbackLabel;
        this.meters = meters;
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), clock);
    }

    /** What answers when the provider works, e.g. {@code openai:gpt-4o-mini}; the fallback's label without one. */
    public String label() {
        return primary == null ? fallbackLabel : config.label();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    /** Whether a provider is configured (else every call is answered by the fallback). */
    public boolean hasProvider() {
        return primary != null;
    }

    /**
     * Asks the provider; when it fails (or is skipped), {@code fallback} answers the same request instead, labelled
     * so. The fallback is given per call: it answers for the question at hand.
     */
    public ChatResponse chat(ChatRequest request, ChatModel fallback) {
        if (primary == null) {
            return labelled(fallback.chat(request), fallbackLabel);
        }
        if (!breaker.tryAcquire()) {
            return fallBack(request, fallback, FailureReason.CIRCUIT_OPEN);
        }
        Future<ChatResponse> call = calls.submit(() -> primary.chat(request));
        try {
            ChatResponse response = call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (isBlank(response)) {
                return fail(request, fallback, FailureReason.EMPTY, null);
            }
            breaker.onSuccess();
            return labelled(response, config.label());
        } catch (TimeoutException e) {
            call.cancel(true);
            return fail(request, fallback, FailureReason.TIMEOUT, e);
        } catch (ExecutionException e) {
            return fail(request, fallback, FailureReason.of(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return fail(request, fallback, FailureReason.ERROR, e);
        }
    }

    /** Streams the provider's answer; when it fails (or is skipped), {@code fallback} streams one instead. */
    public void chat(ChatRequest request, StreamingChatResponseHandler handler, StreamingChatModel fallback) {
        if (primaryStreaming == null) {
            fallback.chat(request, new Relabelling(handler, fallbackLabel));
            return;
        }
        if (!breaker.tryAcquire()) {
            streamFallback(request, handler, fallback, FailureReason.CIRCUIT_OPEN, false);
            return;
        }
        new StreamAttempt(request, handler, fallback).start();
    }

    private ChatResponse fail(ChatRequest request, ChatModel fallback, FailureReason reason,
                              @Nullable Throwable error) {
        recordFailure(reason, error);
        return fallBack(request, fallback, reason);
    }

    private ChatResponse fallBack(ChatRequest request, ChatModel fallback, FailureReason reason) {
        meters.counter(FALLBACKS, "provider", config.kind().id(), "reason", reason.tag()).increment();
        return labelled(fallback.chat(request), fallbackLabelFor(reason));
    }

    private void streamFallback(ChatRequest request, StreamingChatResponseHandler handler,
                                StreamingChatModel fallback, FailureReason reason, boolean tokensDelivered) {
        meters.counter(FALLBACKS, "provider", config.kind().id(), "reason", reason.tag()).increment();
        if (handler instanceof FallbackListener listener) {
            listener.onFallback(reason, tokensDelivered);
        }
        fallback.chat(request, new Relabelling(handler, fallbackLabelFor(reason)));
    }

    private void recordFailure(FailureReason reason, @Nullable Throwable error) {
        meters.counter(FAILURES, "provider", config.kind().id(), "reason", reason.tag()).increment();
        boolean opened = breaker.onFailure();
        LOG.warn("Provider {} {}{}; answering with {}", config.label(), reason.phrase(),
                error == null || error.getMessage() == null ? "" : " (" + error.getMessage() + ")", fallbackLabel);
        if (opened) {
            LOG.warn("Provider {} is skipped for {} after {} consecutive failures", config.label(),
                    config.breakerOpenFor(), config.breakerFailures());
        }
    }

    private String fallbackLabelFor(FailureReason reason) {
        return fallbackLabel + " (fallback: " + config.kind().id() + " " + reason.phrase() + ")";
    }

    private static boolean isBlank(ChatResponse response) {
        return response == null || response.aiMessage() == null || response.aiMessage().text() == null
                || response.aiMessage().text().isBlank();
    }

    private static ChatResponse labelled(ChatResponse response, String label) {
        return ChatResponse.builder()
                .aiMessage(response.aiMessage())
                .metadata(response.metadata().toBuilder().modelName(label).build())
                .build();
    }

    /** One streamed call to the provider: idle and overall timers, and exactly one outcome. */
    private final class StreamAttempt implements StreamingChatResponseHandler, StreamingHandle {

        private final ChatRequest request;
        private final StreamingChatResponseHandler downstream;
        private final StreamingChatModel fallback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicInteger tokens = new AtomicInteger();
        private volatile StreamingHandle providerHandle;
        private volatile ScheduledFuture<?> idleTimer;
        private volatile ScheduledFuture<?> deadlineTimer;
        /** The logging context (request id) of the request: failures arrive on the provider client's threads. */
        private final Map<String, String> mdc = MDC.getCopyOfContextMap();

        StreamAttempt(ChatRequest request, StreamingChatResponseHandler downstream, StreamingChatModel fallback) {
            this.request = request;
            this.downstream = downstream;
            this.fallback = fallback;
        }

        void start() {
            deadlineTimer = timers.schedule(() -> failOnce(FailureReason.TIMEOUT, null),
                    config.deadline().toMillis(), TimeUnit.MILLISECONDS);
            armIdleTimer();
            try {
                StreamEndWatch.watching(this::onStreamEnded, () -> primaryStreaming.chat(request, this));
            } catch (RuntimeException e) {
                failOnce(FailureReason.of(e), e);
            }
        }

        private void armIdleTimer() {
            ScheduledFuture<?> previous = idleTimer;
            if (previous != null) {
                previous.cancel(false);
            }
            Duration idle = config.timeout();
            idleTimer = timers.schedule(
                    () -> failOnce(tokens.get() == 0 ? FailureReason.TIMEOUT : FailureReason.STALLED, null),
                    idle.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            onPartialResponse(new PartialResponse(partialResponse), null);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, @Nullable PartialResponseContext context) {
            if (context != null) {
                providerHandle = context.streamingHandle();
            }
            if (settled.get() || partial.text() == null || partial.text().isEmpty()) {
                return;
            }
            armIdleTimer();
            tokens.incrementAndGet();
            downstream.onPartialResponse(partial, new PartialResponseContext(this));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (isBlank(response)) {
                failOnce(FailureReason.EMPTY, null);
            } else if (response.finishReason() == null) {
                // every provider ends a complete stream with a stop reason; none means the stream was cut
                failOnce(FailureReason.STREAM_CUT, null);
            } else if (settle()) {
                breaker.onSuccess();
                downstream.onCompleteResponse(labelled(response, config.label()));
            }
        }

        @Override
        public void onError(Throwable error) {
            failOnce(FailureReason.of(error), error);
        }

        /** The HTTP response ended; the client has had its chance to complete, so anything else is a cut. */
        private void onStreamEnded() {
            failOnce(FailureReason.STREAM_CUT, null);
        }

        private void failOnce(FailureReason reason, @Nullable Throwable error) {
            if (!settle()) {
                return;
            }
            cancelProvider();
            if (cancelled.get()) {
                return;
            }
            Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.setContextMap(mdc == null ? Map.of() : mdc);
            try {
                recordFailure(reason, error);
                streamFallback(request, downstream, fallback, reason, tokens.get() > 0);
            } finally {
                MDC.setContextMap(previous == null ? Map.of() : previous);
            }
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> idle = idleTimer;
            if (idle != null) {
                idle.cancel(false);
            }
            ScheduledFuture<?> overall = deadlineTimer;
            if (overall != null) {
                overall.cancel(false);
            }
            return true;
        }

        private void cancelProvider() {
            StreamingHandle handle = providerHandle;
            if (handle != null && !handle.isCancelled()) {
                try {
                    handle.cancel();
                } catch (RuntimeException e) {
                    LOG.debug("Cancelling the {} stream failed", config.label(), e);
                }
            }
        }

        /** The subscriber went away: stop the provider, answer nothing more. */
        @Override
        public void cancel() {
            cancelled.set(true);
            if (settle()) {
                cancelProvider();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    /** Passes a stream through, naming what answered in the final response. */
    private record Relabelling(StreamingChatResponseHandler downstream, String label)
            implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String partialResponse) {
            downstream.onPartialResponse(partialResponse);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            downstream.onPartialResponse(partial, context);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            downstream.onCompleteResponse(labelled(response, label));
        }

        @Override
        public void onError(Throwable error) {
            downstream.onError(error);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
        timers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A streaming handler that wants to know when the fallback takes over, e.g. to discard tokens it showed. */
    public interface FallbackListener {
        /** @param tokensDelivered whether the failed provider had already delivered some text */
        void onFallback(FailureReason reason, boolean tokensDelivered);
    }
}
