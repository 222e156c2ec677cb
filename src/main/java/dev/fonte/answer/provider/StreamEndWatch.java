package dev.fonte.answer.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Tells a streaming call when the provider's HTTP response ended, whether or not the provider's protocol said the
 * answer was complete. The Ollama and Anthropic clients say nothing when a stream ends without its final event
 * ({@code "done": true}, {@code message_stop}); without this the cut would only show as silence, a whole timeout later.
 *
 * <p>The LangChain4j streaming models open their HTTP stream on the calling thread, so the watcher is handed over in
 * a thread-local for the duration of {@link #watching}.
 */
final class StreamEndWatch {

    private static final ThreadLocal<Runnable> ON_END = new ThreadLocal<>();

    private StreamEndWatch() {
    }

    /** Runs {@code call}; a provider stream it opens runs {@code onEnd} after its client has seen the end. */
    static void watching(Runnable onEnd, Runnable call) {
        ON_END.set(onEnd);
        try {
            call.run();
        } finally {
            ON_END.remove();
        }
    }

    /** The HTTP client LangChain4j would pick by itself (the JDK one here), with streams watched. */
    static HttpClientBuilder httpClientBuilder() {
        return new Builder(HttpClientBuilderLoader.loadHttpClientBuilder());
    }

    private record Builder(HttpClientBuilder delegate) implements HttpClientBuilder {

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            delegate.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new Client(delegate.build());
        }
    }

    private record Client(HttpClient delegate) implements HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            return delegate.execute(request);
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            Runnable onEnd = ON_END.get();
            delegate.execute(request, parser, onEnd == null ? listener : new Listener(listener, onEnd));
        }
    }

    private record Listener(ServerSentEventListener delegate, Runnable onEnd) implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, @Nullable ServerSentEventContext context) {
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }

        @Override
        public void onClose() {
            try {
                delegate.onClose();
            } finally {
                onEnd.run();
            }
        }
    }
}
