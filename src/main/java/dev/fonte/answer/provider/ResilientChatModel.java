package dev.fonte.answer.provider;

import dev.langchain4j.data.message.UserMessage;
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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
import java.util.function.UnaryOperator;

/**
 * The configured provider behind a deadline, a circuit breaker and a fallback given with each call (the embedded
 * default, answering the same question).
 *
 * <p>A provider call that times out, answers 4xx/5xx, sends malformed JSON or an empty answer, or whose stream stalls
 * (no token for {@code timeout}), runs past {@code deadline} or ends without its end-of-stream event, never fails the
 * request: the fallback answers instead. The failure is logged once, on one line (with the request's id, from the
 * logging context) and no stack trace, and counted ({@value #FAILURES} and {@value #FALLBACKS}, tagged
 * {@code provider} and {@code reason}).
 *
 * <p>Every response names what answered in {@link ChatResponse#modelName()}, in the form of {@code Answer.model}:
 * {@code openai:gpt-4o-mini}, {@code extractive}, or {@code extractive (fallback: openai timed out)}.
 *
 * <p>Streaming: tokens reach the handler as the provider writes them. When the provider fails after some tokens
 * were delivered, the fallback's answer follows; a handler that implements {@link FallbackListener} is told first,
 * so it can discard what it showed. The final {@code onCompleteResponse} always carries the complete, authoritative
 * answer text. A streamed call can be cancelled at any time through the handle it returns, before the first token
 * too: the HTTP exchange stops, nothing more is sent, and the call counts as neither a success nor a failure
 * ({@value #CANCELLED}); a cancelled half-open trial gives the trial back to the breaker.
 */
public final class ResilientChatModel implements AutoCloseable {

    public static final String FAILURES = "fonte.provider.failures";
    public static final String FALLBACKS = "fonte.provider.fallbacks";
    public static final String CANCELLED = "fonte.provider.cancelled";

    private static final Logger LOG = LoggerFactory.getLogger(ResilientChatModel.class);
    /** A provider's error message is kept to its first line and this many characters in the log. */
    private static final int DETAIL = 160;
    /** The warm-up call's whole prompt (a few tokens on a hosted API). */
    public static final String WARM_UP_PROMPT = "Reply with one word: ready";

    private final ProviderConfiguration config;
    @Nullable
    private final ChatModel primary;
    @Nullable
    private final StreamingChatModel primaryStreaming;
    private final String fallbackLabel;
    private final MeterRegistry meters;
    private final CircuitBreaker breaker;
    private final UnaryOperator<ChatRequest> fit;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemon("fonte-provider-"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(daemon("fonte-provider-timer-"));

    /**
     * @param primary          the provider's models, both null for the {@code extractive} provider
     * @param fallbackLabel    what {@code Answer.model} says when the fallback answers, e.g. {@code extractive}
     */
    public ResilientChatModel(ProviderConfiguration config,
                              @Nullable ChatModel primary, @Nullable StreamingChatModel primaryStreaming,
                              String fallbackLabel, MeterRegistry meters, Clock clock) {
        this(config, primary, primaryStreaming, fallbackLabel, meters, clock, UnaryOperator.identity());
    }

    /** @param fit what the provider needs set on each request it is sent (Ollama: a context window for the prompt) */
    public ResilientChatModel(ProviderConfiguration config,
                              @Nullable ChatModel primary, @Nullable StreamingChatModel primaryStreaming,
                              String fallbackLabel, MeterRegistry meters, Clock clock, UnaryOperator<ChatRequest> fit) {
        if ((primary == null) != (primaryStreaming == null)) {
            throw new IllegalArgumentException("the provider needs both a ChatModel and a StreamingChatModel");
        }
        this.config = config;
        this.primary = primary;
        this.primaryStreaming = primaryStreaming;
        this.fallbackLabel = fallbackLabel;
        this.meters = meters;
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), clock);
        this.fit = fit;
    }

    /** What answers when the provider works, e.g. {@code openai:gpt-4o-mini}; the fallback's label without one. */
    public String label() {
        return primary == null ? fallbackLabel : config.label();
    }

    /** The metric tag of the provider: {@code openai}, {@code extractive}. */
    public String providerTag() {
        return config.kind().id();
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
        Future<ChatResponse> call = calls.submit(() -> primary.chat(fit.apply(request)));
        try {
            ChatResponse response = call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (isBlank(response)) {
                return fail(request, fallback, FailureReason.EMPTY, null);
            }
            breaker.onSuccess();
            return labelled(response, config.label());
        } catch (TimeoutException e) {
            call.cancel(true);
            return fail(request, fallback, FailureReason.TIMEOUT, null);
        } catch (ExecutionException e) {
            return fail(request, fallback, FailureReason.of(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return fail(request, fallback, FailureReason.ERROR, e);
        }
    }

    /**
     * Streams the provider's answer; when it fails (or is skipped), {@code fallback} streams one instead.
     *
     * @return the handle that stops the call, whether or not a token has arrived yet
     */
    public StreamingHandle chat(ChatRequest request, StreamingChatResponseHandler handler,
                                StreamingChatModel fallback) {
        if (primaryStreaming == null) {
            fallback.chat(request, new Relabelling(handler, fallbackLabel));
            return Finished.HANDLE;
        }
        if (!breaker.tryAcquire()) {
            streamFallback(request, handler, fallback, FailureReason.CIRCUIT_OPEN);
            return Finished.HANDLE;
        }
        StreamAttempt attempt = new StreamAttempt(request, handler, fallback);
        attempt.start();
        return attempt;
    }

    /**
     * One small call through each of the provider's clients, off the request path, so that the first question does
     * not pay for loading the clients' classes, opening the connection (TLS included) and, on Ollama, loading the
     * model. Its outcome is logged once and is neither counted nor seen by the breaker.
     *
     * @return completes when both calls have answered, or with the failure that stopped them
     */
    public CompletableFuture<Duration> warmUp() {
        if (primary == null || primaryStreaming == null) {
            return CompletableFuture.completedFuture(Duration.ZERO);
        }
        ChatRequest probe = fit.apply(ChatRequest.builder().messages(UserMessage.from(WARM_UP_PROMPT))
                .maxOutputTokens(1).build());
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            primary.chat(probe);
            CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
            primaryStreaming.chat(probe, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partialResponse) {
                    // only its completion matters
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    streamed.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    streamed.completeExceptionally(error);
                }
            });
            streamed.orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS).join();
            return Duration.ofNanos(System.nanoTime() - started);
        }, calls).orTimeout(config.deadline().toMillis(), TimeUnit.MILLISECONDS).whenComplete((took, error) -> {
            if (error == null) {
                LOG.info("Provider {} warmed up in {} ms", config.label(), took.toMillis());
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                // the phrase only: the provider's message is logged with the first question it fails, if it does
                LOG.warn("Provider {} did not answer its warm-up call: it {}; questions are answered all the same, "
                        + "by {} while it fails", config.label(), FailureReason.of(cause).phrase(), fallbackLabel);
            }
        });
    }

    private ChatResponse fail(ChatRequest request, ChatModel fallback, FailureReason reason,
                              @Nullable Throwable error) {
        recordFailure(reason, error);
        return fallBack(request, fallback, reason);
    }

    private ChatResponse fallBack(ChatRequest request, ChatModel fallback, FailureReason reason) {
        meters.counter(FALLBACKS, "provider", providerTag(), "reason", reason.tag()).increment();
        return labelled(fallback.chat(request), fallbackLabelFor(reason));
    }

    private void streamFallback(ChatRequest request, StreamingChatResponseHandler handler,
                                StreamingChatModel fallback, FailureReason reason) {
        meters.counter(FALLBACKS, "provider", providerTag(), "reason", reason.tag()).increment();
        if (handler instanceof FallbackListener listener) {
            listener.onFallback(reason);
        }
        fallback.chat(request, new Relabelling(handler, fallbackLabelFor(reason)));
    }

    /**
     * Counts the failure, tells the breaker, and logs it: one line (the request's id is in the logging context), no
     * stack trace.
     */
    private void recordFailure(FailureReason reason, @Nullable Throwable error) {
        meters.counter(FAILURES, "provider", providerTag(), "reason", reason.tag()).increment();
        boolean opened = breaker.onFailure();
        LOG.warn("Provider {} {}{}; {} answers instead{}", config.label(),
                reason.phrase(), detail(error), fallbackLabel, opened ? "; the provider is skipped for "
                        + config.breakerOpenFor().toSeconds() + " s after " + config.breakerFailures()
                        + " consecutive failures" : "");
    }

    /** What a failure said, for a log line: its message's first line, shortened; nothing for a plain timeout. */
    private static String detail(@Nullable Throwable error) {
        if (error == null || error.getMessage() == null || error.getMessage().isBlank()) {
            return "";
        }
        String line = error.getMessage().strip().lines().findFirst().orElse("");
        return " (" + (line.length() > DETAIL ? line.substring(0, DETAIL) + "…" : line) + ")";
    }

    private String fallbackLabelFor(FailureReason reason) {
        return fallbackLabel + " (fallback: " + providerTag() + " " + reason.phrase() + ")";
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
    private final class StreamAttempt implements StreamingChatResponseHandler, StreamingHandle, StreamWatch.Observer {

        private final ChatRequest request;
        private final StreamingChatResponseHandler downstream;
        private final StreamingChatModel fallback;
        /** The logging context (request id) of the request: failures arrive on the provider client's threads. */
        private final Map<String, String> logContext = RequestLog.capture();
        private final StreamWatch watch = new StreamWatch(this);
        private final AtomicBoolean settled = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicInteger tokens = new AtomicInteger();
        private volatile ScheduledFuture<?> idleTimer;
        private volatile ScheduledFuture<?> deadlineTimer;

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
                StreamWatch.watching(watch, () -> primaryStreaming.chat(fit.apply(request), this));
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
            if (settled.get() || partial.text() == null || partial.text().isEmpty()) {
                return;
            }
            armIdleTimer();
            tokens.incrementAndGet();
            handOver(() -> downstream.onPartialResponse(partial, new PartialResponseContext(this)));
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
                handOver(() -> downstream.onCompleteResponse(labelled(response, config.label())));
            }
        }

        /**
         * Runs the handler's side of a callback on the client's thread, where an exception would be taken for the
         * provider's (or lost): a failure of our own ends the stream with an error instead.
         */
        private void handOver(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                RequestLog.within(logContext,
                        () -> LOG.error("Answering from the {} stream failed", config.label(), e));
                downstream.onError(e);
            }
        }

        @Override
        public void onError(Throwable error) {
            failOnce(FailureReason.of(error), error);
        }

        @Override
        public void onStreamEnded() {
            failOnce(FailureReason.STREAM_CUT, null);
        }

        @Override
        public void onUnreadableEvent(RuntimeException error) {
            failOnce(FailureReason.MALFORMED, error);
        }

        private void failOnce(FailureReason reason, @Nullable Throwable error) {
            if (!settle()) {
                return;
            }
            watch.cancel();
            if (cancelled.get()) {
                // the asker left first: what failed after that is no verdict on the provider
                breaker.release();
                return;
            }
            RequestLog.within(logContext, () -> {
                recordFailure(reason, error);
                streamFallback(request, downstream, fallback, reason);
            });
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

        /** The asker went away: stop the provider's exchange, answer nothing more, and judge nobody. */
        @Override
        public void cancel() {
            cancelled.set(true);
            if (settle()) {
                watch.cancel();
                breaker.release();
                meters.counter(CANCELLED, "provider", providerTag()).increment();
                RequestLog.within(logContext,
                        () -> LOG.debug("The asker left; the {} call is stopped", config.label()));
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    /** The handle of a call that is already over (the fallback answered at once): nothing to stop. */
    private enum Finished implements StreamingHandle {
        HANDLE;

        @Override
        public void cancel() {
            // nothing runs any more
        }

        @Override
        public boolean isCancelled() {
            return false;
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
        void onFallback(FailureReason reason);
    }
}
