package dev.fonte.answer.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for the embedded default: answers one fixed text instantly, plain or in two tokens. */
final class CannedModel implements ChatModel, StreamingChatModel {

    static final String TEXT = "Fallback answer [1].";

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        return response();
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        calls.incrementAndGet();
        handler.onPartialResponse("Fallback answer ");
        handler.onPartialResponse("[1].");
        handler.onCompleteResponse(response());
    }

    private static ChatResponse response() {
        return ChatResponse.builder().aiMessage(AiMessage.from(TEXT)).finishReason(FinishReason.STOP)
                .modelName("canned").build();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().build();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
        return Set.of();
    }
}
