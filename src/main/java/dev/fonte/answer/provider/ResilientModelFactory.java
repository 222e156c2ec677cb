package dev.fonte.answer.provider;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The provider the answer chain talks to: the configured one behind {@link ResilientChatModel}, which falls back to
 * the embedded default (given with each call) when it fails.
 */
@Factory
public class ResilientModelFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ResilientChatModel resilientProvider(ProviderConfiguration config,
                                         @Nullable @Named(ModelProviderFactory.PROVIDER) ChatModel provider,
                                         @Nullable @Named(ModelProviderFactory.PROVIDER) StreamingChatModel providerStreaming,
                                         MeterRegistry meters) {
        return new ResilientChatModel(config, provider, providerStreaming, ExtractiveAnswerModel.NAME, meters,
                Clock.systemUTC());
    }
}
