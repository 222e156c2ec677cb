package dev.fonte.answer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/** The extractive model as a {@link StreamingChatModel}: its answer, word by word, markers never split. */
public class ExtractiveStreamingChatModel implements StreamingChatModel {

    private final ExtractiveChatModel model;

    public ExtractiveStreamingChatModel(ExtractiveChatModel model) {
        this.model = model;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = model.doChat(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        for (String piece : Chunks.words(response.aiMessage().text())) {
            handler.onPartialResponse(piece);
        }
        handler.onCompleteResponse(response);
    }
}
