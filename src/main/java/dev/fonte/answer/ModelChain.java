package dev.fonte.answer;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured answer model with its fallback: the embedded extractive engine alone, or a language model (behind
 * {@link ResilientChatModel}'s deadline and breaker) whose every answer is checked, with the engine answering the same
 * request whenever the provider fails or cites nothing valid, labelled so in {@code Answer.model}.
 */
@Singleton
public class ModelChain {

    private static final Logger LOG = LoggerFactory.getLogger(ModelChain.class);

    private final ResilientChatModel provider;
    private final ExtractiveAnswerModel extractive;
    private final MeterRegistry meters;

    public ModelChain(ResilientChatModel provider, ExtractiveAnswerModel extractive, MeterRegistry meters) {
        this.provider = provider;
        this.extractive = extractive;
        this.meters = meters;
    }

    /** Whether a language model answers (else the embedded engine does, at once). */
    public boolean hasProvider() {
        return provider.hasProvider();
    }

    public ExtractiveAnswerModel extractive() {
        return extractive;
    }

    /** The configured model's draft, or the embedded engine's, labelled with what wrote it. */
    public Draft draft(AnswerRequest request) {
        if (!provider.hasProvider()) {
            return extractive.draft(request);
        }
        ExtractiveFallback fallback = new ExtractiveFallback(request);
        ChatResponse response = provider.chat(chatRequest(request), fallback.chat());
        if (fallback.draft() != null) {
            return fallback.draft().withModel(response.modelName());
        }
        return groundedOrFallback(request, CitationChecker.read(response.aiMessage().text(), request.sources(),
                response.modelName()));
    }

    /** Streams the configured model's answer to {@code handler}; the fallback, when it answers, is told as such. */
    void stream(AnswerRequest request, StreamingChatResponseHandler handler, ExtractiveFallback fallback) {
        provider.chat(chatRequest(request), handler, fallback.streaming());
    }

    static ChatRequest chatRequest(AnswerRequest request) {
        return ChatRequest.builder().messages(ChainPrompt.messages(request)).build();
    }

    /**
     * The draft itself when it is grounded or a refusal; when a language model answered without a single valid
     * citation, the embedded engine's draft instead, labelled so: an uncited answer is never presented as grounded.
     */
    Draft groundedOrFallback(AnswerRequest request, Draft draft) {
        if (draft.answered() || !CitationChecker.UNGROUNDED.equals(draft.refusal().reason())) {
            return draft;
        }
        meters.counter(ResilientChatModel.FALLBACKS, "provider", draft.model().split(":")[0], "reason", "no_citation")
                .increment();
        LOG.warn("Provider {} {}; answering with {}", draft.model(), CitationChecker.UNGROUNDED,
                ExtractiveAnswerModel.NAME);
        return extractive.draft(request).withModel(ExtractiveAnswerModel.NAME + " (fallback: " + draft.model() + " "
                + CitationChecker.UNGROUNDED + ")");
    }

    /** The embedded engine answering one request, as the chat model the provider's guard falls back to. */
    final class ExtractiveFallback {
        private final AnswerRequest request;
        private volatile Draft draft;

        ExtractiveFallback(AnswerRequest request) {
            this.request = request;
        }

        /** The engine's draft once the fallback has answered; null while it has not. */
        Draft draft() {
            return draft;
        }

        private ChatResponse answer() {
            draft = extractive.draft(request);
            String text = draft.answered() ? AnswerRenderer.plain(draft) : ChainPrompt.NOT_IN_SOURCES;
            return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName(ExtractiveAnswerModel.NAME)
                    .finishReason(FinishReason.STOP).build();
        }

        ChatModel chat() {
            return new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest chatRequest) {
                    return answer();
                }
            };
        }

        StreamingChatModel streaming() {
            return new StreamingChatModel() {
                @Override
                public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
                    // the engine answers at once: the service streams its final answer itself
                    handler.onCompleteResponse(answer());
                }
            };
        }
    }
}
