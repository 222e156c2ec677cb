package dev.fonte.answer.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import io.micronaut.core.annotation.Nullable;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What a streamed provider call needs of its HTTP exchange beyond what LangChain4j's clients tell: when the response
 * ended, whether or not the protocol said the answer was complete (the Ollama and Anthropic clients say nothing when
 * a stream ends without its final event, so a cut would only show as silence a whole timeout later); an event the
 * client could not read (Ollama's and Anthropic's clients log a stack trace and go on); and a way to stop the
 * exchange at any time, before the first byte too (LangChain4j's own handle only comes with the first token).
 *
 * <p>LangChain4j's streaming models open their HTTP exchange on the calling thread, so the watch is handed over in a
 * thread-local for the duration of {@link #watching}: the JDK client records the exchange it starts, the event
 * listener reports to the watch.
 */
final class StreamWatch {

    /** What the watched call is told. */
    interface Observer {
        /** The HTTP response ended; the client has had its chance to complete, so anything else is a cut. */
        void onStreamEnded();

        /** The client could not read an event of the stream (malformed JSON): the stream is stopped. */
        void onUnreadableEvent(RuntimeException error);
    }

    private static final ThreadLocal<StreamWatch> CURRENT = new ThreadLocal<>();

    private final Observer observer;
    private volatile boolean cancelled;
    @Nullable
    private volatile CompletableFuture<?> exchange;
    @Nullable
    private volatile ServerSentEventParsingHandle parsing;

    StreamWatch(Observer observer) {
        this.observer = observer;
    }

    /** Runs {@code call}; a provider stream it opens is watched by {@code watch}. */
    static void watching(StreamWatch watch, Runnable call) {
        CURRENT.set(watch);
        try {
            call.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Stops the exchange: aborts it while the response has not started, else stops reading it. */
    void cancel() {
        cancelled = true;
        CompletableFuture<?> started = exchange;
        if (started != null) {
            started.cancel(true);
        }
        ServerSentEventParsingHandle reading = parsing;
        if (reading != null) {
            reading.cancel();
        }
    }

    private void started(CompletableFuture<?> future) {
        exchange = future;
        if (cancelled) {
            future.cancel(true);
        }
    }

    private void reading(ServerSentEventParsingHandle handle) {
        parsing = handle;
        if (cancelled) {
            handle.cancel();
        }
    }

    /** LangChain4j's JDK client over a JDK client whose exchanges, and whose streams' events, are watched. */
    static HttpClientBuilder httpClientBuilder() {
        return new Builder(JdkHttpClient.builder().httpClientBuilder(new WatchedJdkBuilder(
                java.net.http.HttpClient.newBuilder())));
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
            StreamWatch watch = CURRENT.get();
            delegate.execute(request, parser, watch == null ? listener : new Listener(listener, watch));
        }
    }

    private record Listener(ServerSentEventListener delegate, StreamWatch watch) implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, @Nullable ServerSentEventContext context) {
            if (context != null) {
                watch.reading(context.parsingHandle());
            }
            if (watch.cancelled) {
                return;
            }
            try {
                delegate.onEvent(event, context);
            } catch (RuntimeException e) {
                // the client's listeners hand every decoded event to our handler, which does not throw: what comes
                // out here is an event the client could not decode
                if (context != null) {
                    context.parsingHandle().cancel();
                }
                watch.observer.onUnreadableEvent(e);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, null);
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
                watch.observer.onStreamEnded();
            }
        }
    }

    /** A JDK client builder whose clients record, in the calling thread's watch, the exchanges they start. */
    private record WatchedJdkBuilder(java.net.http.HttpClient.Builder delegate)
            implements java.net.http.HttpClient.Builder {

        @Override
        public java.net.http.HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder followRedirects(java.net.http.HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder version(java.net.http.HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public java.net.http.HttpClient build() {
            return new WatchedJdkClient(delegate.build());
        }
    }

    private static final class WatchedJdkClient extends java.net.http.HttpClient {

        private final java.net.http.HttpClient delegate;

        WatchedJdkClient(java.net.http.HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(java.net.http.HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            CompletableFuture<HttpResponse<T>> future = delegate.sendAsync(request, handler);
            StreamWatch watch = CURRENT.get();
            if (watch != null) {
                watch.started(future);
            }
            return future;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(java.net.http.HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> promises) {
            return delegate.sendAsync(request, handler, promises);
        }

        @Override
        public <T> HttpResponse<T> send(java.net.http.HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            return delegate.send(request, handler);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }
    }
}
