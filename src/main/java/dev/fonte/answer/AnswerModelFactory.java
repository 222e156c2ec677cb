package dev.fonte.answer;

import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Wires the embedded default model; provider models are wired beside it by configuration. */
@Factory
public class AnswerModelFactory {

    @Singleton
    @Named(ExtractiveChatModel.NAME)
    ExtractiveChatModel extractiveChatModel(IndexManager indexes, ExtractiveConfiguration config) {
        return new ExtractiveChatModel(indexes::current, config);
    }

    @Singleton
    @Named(ExtractiveChatModel.NAME)
    ExtractiveStreamingChatModel extractiveStreamingChatModel(ExtractiveChatModel model) {
        return new ExtractiveStreamingChatModel(model);
    }
}
