package dev.fonte.answer.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The model the answer chain talks to: the configured provider behind {@link ResilientChatModel}, with the embedded
 * default (the {@code ChatModel}/{@code StreamingChatModel} named {@value #EXTRACTIVE}) as fallback. It is the
 * {@link Primary} {@code ChatModel} and {@code StreamingChatModel}, so an unqualified injection gets it.
 */
@Factory
public class ResilientModelFactory {

    /** The qualifier of the embedded default model. */
    public static final String EXTRACTIVE = "extractive";

    @Primary
    @Singleton
    @Bean(preDestroy = "close")
    ResilientChatModel answerModel(ProviderConfiguration config,
                                   @Nullable @Named(ModelProviderFactory.PROVIDER) ChatModel provider,
                                   @Nullable @Named(ModelProviderFactory.PROVIDER) StreamingChatModel providerStreaming,
                                   @Named(EXTRACTIVE) ChatModel extractive,
                                   @Named(EXTRACTIVE) StreamingChatModel extractiveStreaming,
                                   MeterRegistry meters) {
        return new ResilientChatModel(config, provider, providerStreaming, extractive, extractiveStreaming,
                EXTRACTIVE, meters, Clock.systemUTC());
    }
}
