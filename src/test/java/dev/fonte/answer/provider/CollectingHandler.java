package dev.fonte.answer.provider;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects a streamed answer the way the SSE endpoint consumes it. */
class CollectingHandler implements StreamingChatResponseHandler, ResilientChatModel.FallbackListener {

    final List<String> partials = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    volatile FailureReason fallbackReason;

    @Override
    public void onPartialResponse(String partialResponse) {
        partials.add(partialResponse);
        events.add("partial");
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        events.add("complete");
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        events.add("error");
        done.completeExceptionally(error);
    }

    @Override
    public void onFallback(FailureReason reason) {
        events.add("fallback");
        fallbackReason = reason;
    }

    ChatResponse await(Duration within) throws Exception {
        return done.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    String text() {
        return String.join("", partials);
    }
}
